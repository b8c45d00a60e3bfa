import { z } from 'zod'
import { staff } from '../../platform/auth/index.js'
import { access, envelopeOf, ok, type HttpApp } from '../../platform/http/index.js'
import type { Db } from '../../platform/db/index.js'
import { authPolicySchema } from './auth-policy.js'
import { idaErrors } from './errors.js'
import { findPartnerPolicy, savePartnerPolicy, type PartnerPolicy } from './policy.repository.js'

const policyResponseSchema = z.object({
  partnerId: z.string(),
  policyId: z.string(),
  policy: authPolicySchema,
  updatedAt: z.string(),
})

function presentPolicy(policy: PartnerPolicy): z.infer<typeof policyResponseSchema> {
  return { ...policy, updatedAt: policy.updatedAt.toISOString() }
}

const params = z.object({
  partnerId: z
    .string()
    .min(3)
    .max(36)
    .regex(/^[A-Za-z0-9._-]+$/),
})

/** Administration of partners' auth policies (ADMIN): what IDA lets each partner do. */
export function registerPolicyRoutes(
  app: HttpApp,
  deps: { db: Db; partnerName(partnerId: string): Promise<string | null> },
): void {
  const config = { access: access.staff('ADMIN') }
  const tags = ['id authentication']
  const url = '/api/v1/ida/partners/:partnerId/policy'

  app.put(
    url,
    {
      config,
      schema: {
        tags,
        summary: "Set a partner's auth policy (auth types, KYC attributes, languages)",
        params,
        body: authPolicySchema,
        response: { 200: envelopeOf(policyResponseSchema) },
      },
    },
    async (request) => {
      const { partnerId } = request.params
      if ((await deps.partnerName(partnerId)) === null) throw idaErrors.partnerNotRegistered()
      const saved = await savePartnerPolicy(
        deps.db,
        partnerId,
        request.body,
        staff(request).username,
      )
      return ok(presentPolicy(saved))
    },
  )

  app.get(
    url,
    {
      config,
      schema: {
        tags,
        summary: "A partner's auth policy",
        params,
        response: { 200: envelopeOf(policyResponseSchema) },
      },
    },
    async (request) => {
      const policy = await findPartnerPolicy(deps.db, request.params.partnerId)
      if (!policy) throw idaErrors.policyNotMapped()
      return ok(presentPolicy(policy))
    },
  )
}
