import { z } from 'zod'

/** The auth types a partner policy may allow (MOSIP's auth.types.allowed, plus eKYC). */
export const policyAuthTypes = [
  'demo',
  'otp',
  'bio-Finger',
  'bio-Iris',
  'bio-Face',
  'ekyc',
] as const
export type PolicyAuthType = (typeof policyAuthTypes)[number]

/** Attributes a KYC response may carry, by MOSIP ID schema name. */
export const kycAttributes = [
  'fullName',
  'dateOfBirth',
  'gender',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'region',
  'province',
  'city',
  'postalCode',
  'phone',
  'email',
  'photo',
] as const
export type KycAttribute = (typeof kycAttributes)[number]

/**
 * A partner's auth policy, shaped like MOSIP's auth-policy-schema.json
 * (`allowedAuthTypes[{authType, authSubType, mandatory}]`, `allowedKycAttributes[{attributeName}]`,
 * `kycLanguages[]`), flattened: the bio subtype is part of the auth type name.
 */
export const authPolicySchema = z.strictObject({
  allowedAuthTypes: z.array(z.enum(policyAuthTypes)).max(policyAuthTypes.length),
  allowedKycAttributes: z.array(z.enum(kycAttributes)).max(kycAttributes.length).default([]),
  kycLanguages: z
    .array(z.string().regex(/^[a-z]{3}$/, 'a 3-letter language code'))
    .max(10)
    .default([]),
  /** Whether the KYC response carries the individual id masked (all but the last 4 digits). */
  maskIndividualId: z.boolean().default(true),
  /** MOSIP's authTokenType; Mosaic issues the partner-specific token either way. */
  authTokenType: z.enum(['random', 'partner', 'policy']).default('partner'),
})

export type AuthPolicy = z.output<typeof authPolicySchema>
export type AuthPolicyInput = z.input<typeof authPolicySchema>
