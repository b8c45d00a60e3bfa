import { z } from 'zod'
import { staff } from '../../../platform/auth/index.js'
import { access, envelopeOf, ok, type HttpApp } from '../../../platform/http/index.js'
import { manualAdjudicationReasonCodes } from '../vocabulary/reason-code.js'
import { manualVerificationStatuses } from '../vocabulary/status-code.js'
import type { AdjudicationService } from './adjudication.service.js'
import type { ComparisonService } from './comparison.service.js'

const base = '/api/v1/regprc'
const tags = ['registration processor']
const workflowInstanceId = z.uuid()
/** Who may adjudicate: fraud analysts (MOSIP's manual adjudicators) and registration supervisors. */
const adjudicators = { access: access.staff('FRAUD_ANALYST', 'REGISTRATION_SUPERVISOR') }

/**
 * The manual adjudication and verification queues. Fraud analysts decide potential duplicates
 * (MOSIP's manual adjudicators); registration supervisors may too. The queue shows ids and
 * codes only.
 */
export function registerAdjudicationRoutes(app: HttpApp, service: AdjudicationService): void {
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

const text = z.array(z.object({ language: z.string().nullable(), value: z.string() }))
const demographics = z.object({
  fullName: text.nullable(),
  dateOfBirth: z.string().nullable(),
  gender: text.nullable(),
  address: z.object({
    addressLine1: text.optional(),
    addressLine2: text.optional(),
    addressLine3: text.optional(),
    city: text.optional(),
    zone: text.optional(),
    province: text.optional(),
    region: text.optional(),
    postalCode: text.optional(),
  }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})
const person = {
  demographics: demographics.nullable(),
  documents: z.array(
    z.object({ category: z.string(), type: z.string(), format: z.string().nullable() }),
  ),
  biometrics: z.array(
    z.object({
      type: z.string(),
      subType: z.string().nullable(),
      qualityScore: z.number().nullable(),
      exception: z.boolean(),
    }),
  ),
}
const source = z.enum(['PACKET', 'ID_REPOSITORY'])
/** The response lists every field it may carry: anything else (a template...) is dropped. */
const comparison = z.object({
  workflowInstanceId: z.string(),
  registrationId: z.string(),
  process: z.string().nullable(),
  applicant: z.object(person),
  matches: z.array(
    z.object({
      matchedRefId: z.string(),
      matchedRefTypes: z.array(z.string()),
      sources: z.object({
        demographics: source.nullable(),
        documents: source.nullable(),
        biometrics: z.literal('PACKET').nullable(),
      }),
      uinStatus: z.string().nullable(),
      ...person,
      sameAsApplicant: z.object({ phone: z.boolean().nullable(), email: z.boolean().nullable() }),
    }),
  ),
})

/**
 * The adjudicator's comparison: the applicant's packet beside each matched registration, for
 * the adjudicator the registration is assigned to. Personal data: never cached.
 */
export function registerAdjudicationComparisonRoute(
  app: HttpApp,
  service: ComparisonService,
): void {
  app.get(
    `${base}/manual-adjudication/:id/comparison`,
    {
      config: adjudicators,
      schema: {
        tags,
        summary: 'Compare an assigned registration with the registrations it matched',
        description:
          'Only for the adjudicator the registration is assigned to, until it is decided. ' +
          'Phone and email are masked; biometrics are described, never returned. Each view is audited.',
        params: z.object({
          id: z.union([workflowInstanceId, z.string().regex(/^\d{29}$/)], {
            error: 'a workflow instance id (UUID) or a 29-digit RID',
          }),
        }),
        response: { 200: envelopeOf(comparison) },
      },
    },
    async (request, reply) => {
      const view = await service.compare(request.params.id, staff(request).username)
      void reply.header('cache-control', 'no-store')
      return ok(view)
    },
  )
}
