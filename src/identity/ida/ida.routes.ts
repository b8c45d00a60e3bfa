import { z } from 'zod'
import type { Principal } from '../../platform/auth/index.js'
import { access, type HttpApp } from '../../platform/http/index.js'
import { authRequestSchema, otpRequestSchema } from './auth-request.schema.js'
import { idaErrors } from './errors.js'
import type { IdaPartner, IdaService } from './ida.service.js'
import {
  authResponseSchema,
  kycResponseSchema,
  otpResponseSchema,
  presentAuth,
  presentKyc,
  presentOtp,
} from './ida.presenters.js'

export interface IdaRouteDeps {
  readonly ida: IdaService
  /** The platform partner's display name (requested_entity_name), or null if unknown. */
  partnerName(partnerId: string): Promise<string | null>
}

const base = '/idauthentication/v1'
const tags = ['id authentication']
const partnerIdSchema = z
  .string()
  .min(3)
  .max(36)
  .regex(/^[A-Za-z0-9._-]+$/)

/**
 * MOSIP's partner paths, in two forms: MOSIP's `/{MISP-LK}/{Partner-ID}/{API-Key}` and the
 * platform's `/{Partner-ID}`. Either way the caller proves itself with its platform API key
 * (x-api-key); the path's licence key and key segments are accepted for compatibility only.
 */
function paths(action: 'auth' | 'kyc' | 'otp'): string[] {
  return [`${base}/${action}/:partnerId`, `${base}/${action}/:mispLicenseKey/:partnerId/:apiKey`]
}

const params = z.object({
  partnerId: partnerIdSchema,
  mispLicenseKey: z.string().max(256).optional(),
  apiKey: z.string().max(256).optional(),
})

/** An authentication request whose `id` must be MOSIP's id of the endpoint. */
const authRequestWithId = (id: string) =>
  authRequestSchema.refine((body) => body.id === id, { path: ['id'], message: id })

export function registerIdaRoutes(app: HttpApp, deps: IdaRouteDeps): void {
  const config = { access: access.partner() }

  /** The path's partner must be the key's (IDA-MPA-010 otherwise). */
  async function partnerOf(caller: Principal | null, partnerId: string): Promise<IdaPartner> {
    if (caller?.kind !== 'partner' || caller.partnerId !== partnerId)
      throw idaErrors.partnerNotMapped()
    const name = await deps.partnerName(partnerId)
    if (name === null) throw idaErrors.partnerNotRegistered()
    return { id: partnerId, name }
  }

  for (const url of paths('auth'))
    app.post(
      url,
      {
        config,
        schema: {
          tags,
          summary: 'Authenticate an individual (demographic, OTP, biometric)',
          params,
          body: authRequestWithId('mosip.identity.auth'),
          response: { 200: authResponseSchema },
        },
      },
      async (request) => {
        const partner = await partnerOf(request.principal, request.params.partnerId)
        return presentAuth(request.body, await deps.ida.authenticate(partner, request.body, 'auth'))
      },
    )

  for (const url of paths('kyc'))
    app.post(
      url,
      {
        config,
        schema: {
          tags,
          summary: 'Authenticate an individual and return the KYC attributes the policy allows',
          params,
          body: authRequestWithId('mosip.identity.kyc'),
          response: { 200: kycResponseSchema },
        },
      },
      async (request) => {
        const partner = await partnerOf(request.principal, request.params.partnerId)
        return presentKyc(request.body, await deps.ida.authenticate(partner, request.body, 'kyc'))
      },
    )

  for (const url of paths('otp'))
    app.post(
      url,
      {
        config,
        schema: {
          tags,
          summary: "Send an OTP to the individual's registered phone or email",
          params,
          body: otpRequestSchema,
          response: { 200: otpResponseSchema },
        },
      },
      async (request) => {
        const partner = await partnerOf(request.principal, request.params.partnerId)
        return presentOtp(request.body, await deps.ida.requestOtp(partner, request.body))
      },
    )
}
