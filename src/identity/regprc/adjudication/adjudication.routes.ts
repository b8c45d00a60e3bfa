import { z } from 'zod'
import { staff } from '../../../platform/auth/index.js'
import { access, envelopeOf, ok, type HttpApp } from '../../../platform/http/index.js'
import { manualAdjudicationReasonCodes } from '../vocabulary/reason-code.js'
import { manualVerificationStatuses } from '../vocabulary/status-code.js'
import type { AdjudicationService } from './adjudication.service.js'

const base = '/api/v1/regprc'
const tags = ['registration processor']
const workflowInstanceId = z.uuid()

/**
 * The manual adjudication and verification queues. Fraud analysts decide potential duplicates
 * (MOSIP's manual adjudicators); registration supervisors may too. The queue shows ids and
 * codes only.
 */
export function registerAdjudicationRoutes(app: HttpApp, service: AdjudicationService): void {
  const adjudicators = { access: access.staff('FRAUD_ANALYST', 'REGISTRATION_SUPERVISOR') }

  app.get(
    `${base}/manual-adjudication`,
    {
      config: adjudicators,
      schema: {
        tags,
        summary: 'Manual adjudication queue',
        querystring: z.object({
          status: z.enum(manualVerificationStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: envelopeOf(
            z.array(
              z.object({
                workflowInstanceId: z.string(),
                registrationId: z.string(),
                matchedRefId: z.string(),
                matchedRefType: z.string(),
                status: z.string(),
                assignedTo: z.string().nullable(),
                reasonCode: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          ),
        },
      },
    },
    async (request) =>
      ok(
        (await service.list(request.query)).map((item) => ({
          ...item,
          createdAt: item.createdAt.toISOString(),
        })),
      ),
  )

  app.post(
    `${base}/manual-adjudication/assign`,
    {
      config: adjudicators,
      schema: {
        tags,
        summary: 'Take the oldest pending registration',
        response: { 200: envelopeOf(z.object({ workflowInstanceId: z.string().nullable() })) },
      },
    },
    async (request) => ok({ workflowInstanceId: await service.assign(staff(request).username) }),
  )

  app.post(
    `${base}/manual-adjudication/decision`,
    {
      config: adjudicators,
      schema: {
        tags,
        summary: 'Decide an assigned registration (REJECTED = the match is confirmed)',
        body: z.object({
          workflowInstanceId,
          decision: z.enum(['APPROVED', 'REJECTED']),
          reasonCode: z.enum(manualAdjudicationReasonCodes),
        }),
        response: { 200: envelopeOf(z.object({ decided: z.boolean() })) },
      },
    },
    async (request) => {
      await service.decide({ ...request.body, user: staff(request).username })
      return ok({ decided: true })
    },
  )

  app.post(
    `${base}/verification/decision`,
    {
      config: { access: access.staff('REGISTRATION_SUPERVISOR') },
      schema: {
        tags,
        summary: 'Verify an infant (or all-exception) registration',
        body: z.object({ workflowInstanceId, decision: z.enum(['APPROVED', 'REJECTED']) }),
        response: { 200: envelopeOf(z.object({ decided: z.boolean() })) },
      },
    },
    async (request) => {
      await service.verify({ ...request.body, user: staff(request).username })
      return ok({ decided: true })
    },
  )
}
