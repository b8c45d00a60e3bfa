import { z } from 'zod'

const langValue = z.array(
  z.strictObject({
    language: z.string().regex(/^[a-z]{3}$/, 'a 3-letter language code'),
    value: z.string().min(1).max(1024),
  }),
)

/** MOSIP's IdentityDTO fields used for demographic authentication (DemoAuth). */
export const demographicsSchema = z.strictObject({
  name: langValue.min(1).max(5).optional(),
  dob: z
    .string()
    .regex(/^\d{4}[/-]\d{2}[/-]\d{2}$/, 'yyyy/MM/dd')
    .optional(),
  gender: langValue.min(1).max(5).optional(),
  phoneNumber: z.string().min(3).max(32).optional(),
  emailId: z.string().min(3).max(256).optional(),
  fullAddress: langValue.min(1).max(5).optional(),
})
export type Demographics = z.output<typeof demographicsSchema>

/**
 * One captured biometric. MOSIP sends `data` as the SBI's signed JWS; Mosaic takes its decoded
 * payload in clear JSON over TLS (docs/identity.md "ID authentication").
 */
export const biometricSchema = z.strictObject({
  data: z.strictObject({
    bioType: z.enum(['Finger', 'Iris', 'Face']),
    bioSubType: z.string().max(32).nullable().default(null),
    bioValue: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
      .max(16_384),
    timestamp: z.iso.datetime({ offset: true }).optional(),
    transactionId: z.string().max(64).optional(),
  }),
  hash: z.string().max(128).optional(),
})
export type BiometricInput = z.output<typeof biometricSchema>

/** MOSIP's matchInfo (older AuthRequestDTO): the strategy for name and address matching. */
export const matchInfoSchema = z.strictObject({
  authType: z.literal('demo'),
  matchingStrategy: z.enum(['E', 'P']),
  matchingThreshold: z.number().int().min(1).max(100).optional(),
})

const baseRequest = {
  version: z.string().min(1).max(8),
  requestTime: z.iso.datetime({ offset: true }),
  transactionID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters and digits'),
  individualId: z.string().regex(/^\d{8,36}$/, 'a UIN or VID'),
  individualIdType: z.enum(['UIN', 'VID']),
}

/** MOSIP's AuthRequestDTO (and KycAuthRequestDTO) with the `request` block in the clear. */
export const authRequestSchema = z.strictObject({
  id: z.enum(['mosip.identity.auth', 'mosip.identity.kyc']),
  ...baseRequest,
  specVersion: z.string().max(16).optional(),
  domainUri: z.string().max(256).optional(),
  env: z.string().max(64).optional(),
  consentObtained: z.boolean(),
  requestedAuth: z
    .strictObject({ demo: z.boolean(), otp: z.boolean(), bio: z.boolean() })
    .partial()
    .optional(),
  matchInfo: z.array(matchInfoSchema).max(1).optional(),
  /** eKYC: attributes asked for (narrowed to the policy's); the KYC language. */
  allowedKycAttributes: z.array(z.string().max(64)).max(50).optional(),
  secondaryLangCode: z
    .string()
    .regex(/^[a-z]{3}$/)
    .optional(),
  request: z.strictObject({
    timestamp: z.iso.datetime({ offset: true }).optional(),
    otp: z
      .string()
      .regex(/^\d{6}$/, '6 digits')
      .optional(),
    demographics: demographicsSchema.optional(),
    biometrics: z.array(biometricSchema).min(1).max(12).optional(),
  }),
})
export type AuthRequest = z.output<typeof authRequestSchema>

/** MOSIP's OtpRequestDTO. */
export const otpRequestSchema = z.strictObject({
  id: z.literal('mosip.identity.otp'),
  ...baseRequest,
  otpChannel: z
    .array(z.enum(['EMAIL', 'PHONE']))
    .min(1)
    .max(2),
})
export type OtpRequest = z.output<typeof otpRequestSchema>
