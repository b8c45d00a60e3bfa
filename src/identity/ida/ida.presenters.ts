import { z } from 'zod'
import type { AuthRequest, OtpRequest } from './auth-request.schema.js'
import type { IdaErrorItem } from './errors.js'
import type { AuthOutcome } from './ida.service.js'
import type { OtpOutcome } from './otp-request.js'

const errorsSchema = z.array(
  z.object({
    errorCode: z.string(),
    errorMessage: z.string(),
    actionMessage: z.string().optional(),
  }),
)

function responseOf<T extends z.ZodType>(response: T) {
  return z.object({
    id: z.string(),
    version: z.string(),
    transactionID: z.string(),
    responseTime: z.string(),
    response: response.nullable(),
    errors: errorsSchema,
  })
}

/** MOSIP's AuthResponseDTO. */
export const authResponseSchema = responseOf(
  z.object({ authStatus: z.boolean(), authToken: z.string().nullable() }),
)

/** MOSIP's EKycAuthResponseDTO; the identity is in clear JSON (see docs/identity.md). */
export const kycResponseSchema = responseOf(
  z.object({
    kycStatus: z.boolean(),
    authToken: z.string().nullable(),
    individualId: z.string().nullable(),
    language: z.string().nullable(),
    identity: z.record(z.string(), z.unknown()).nullable(),
  }),
)

/** MOSIP's OtpResponseDTO. */
export const otpResponseSchema = responseOf(
  z.object({ maskedMobile: z.string().nullable(), maskedEmail: z.string().nullable() }),
)

function envelope<T>(
  request: { id: string; version: string; transactionID: string },
  response: T,
  errors: IdaErrorItem[],
) {
  return {
    id: request.id,
    version: request.version,
    transactionID: request.transactionID,
    responseTime: new Date().toISOString(),
    response,
    errors,
  }
}

export function presentAuth(request: AuthRequest, outcome: AuthOutcome) {
  return envelope(
    request,
    { authStatus: outcome.authStatus, authToken: outcome.authToken },
    outcome.errors,
  )
}

export function presentKyc(request: AuthRequest, outcome: AuthOutcome) {
  return envelope(
    request,
    {
      kycStatus: outcome.authStatus,
      authToken: outcome.authToken,
      individualId: outcome.kyc?.individualId ?? null,
      language: outcome.kyc?.language ?? null,
      identity: outcome.kyc?.identity ?? null,
    },
    outcome.errors,
  )
}

export function presentOtp(request: OtpRequest, outcome: OtpOutcome) {
  return envelope(
    request,
    outcome.errors.length === 0
      ? { maskedMobile: outcome.maskedMobile, maskedEmail: outcome.maskedEmail }
      : null,
    outcome.errors,
  )
}
