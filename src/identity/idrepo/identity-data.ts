import { z } from 'zod'

/** A MOSIP `simpleType` entry: one value in one language. */
export const languageValueSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{3}$/, 'a 3-letter language code'),
  value: z.string().max(1024),
})

/**
 * One identity attribute, as MOSIP's ID schema allows: a string/number/boolean, a list of
 * language-tagged values (fullName, gender, addressLine1, ...), or a small object
 * (documentType `{format, type, value}`, biometricsType `{format, version, value}`).
 */
export const identityValueSchema = z.union([
  z.string().max(4096),
  z.number(),
  z.boolean(),
  z.array(languageValueSchema).min(1).max(20),
  z.record(z.string().max(64), z.union([z.string().max(1024), z.number(), z.boolean()])),
])

export type IdentityValue = z.infer<typeof identityValueSchema>

/** Attribute names as in MOSIP's ID schema (`fullName`, `dateOfBirth`, `phone`, ...). */
export const attributeNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)

/**
 * The identity JSON (MOSIP's `identity` object), e.g.
 * `{fullName: [{language: 'eng', value: '…'}], dateOfBirth: '1990/01/31', phone: '…'}`.
 * The UIN is not part of it: it is assigned by the repository and stored on its own.
 */
export const identitySchema = z
  .record(attributeNameSchema, identityValueSchema)
  .refine((identity) => Object.keys(identity).length <= 200, 'at most 200 attributes')
  .refine((identity) => !('UIN' in identity), 'the UIN is assigned by the ID repository')

export type Identity = Record<string, IdentityValue>

/** A document of the identity: its file lives in the object store, the DB keeps a reference. */
export const documentRefSchema = z.strictObject({
  category: z.string().min(1).max(36),
  type: z.string().min(1).max(64),
  fileId: z.string().min(1).max(128),
  fileName: z.string().min(1).max(128),
  format: z.string().min(1).max(36),
  hash: z.string().regex(/^[0-9A-Fa-f]{64}$/, 'SHA-256 hex'),
  langCode: z.string().length(3).optional(),
})

export type DocumentRef = z.infer<typeof documentRefSchema>

/** A CBEFF biometric file of the identity (e.g. type `individualBiometrics`). */
export const biometricRefSchema = z.strictObject({
  type: z.string().min(1).max(36),
  fileId: z.string().min(1).max(128),
  fileName: z.string().min(1).max(128),
  hash: z.string().regex(/^[0-9A-Fa-f]{64}$/, 'SHA-256 hex'),
  langCode: z.string().length(3).optional(),
})

export type BiometricRef = z.infer<typeof biometricRefSchema>

/** UIN statuses (mosip-config id-repository-default.properties). */
export const uinStatuses = ['ACTIVATED', 'BLOCKED', 'DEACTIVATED'] as const
export type UinStatus = (typeof uinStatuses)[number]

/** RID: 29 digits (center 5, machine 5, sequence 5, timestamp 14). */
export const ridSchema = z.string().regex(/^\d{29}$/, 'a 29-digit RID')
/** UIN as the repository accepts it; the Verhoeff check is the UIN generator's business. */
export const uinSchema = z.string().regex(/^\d{8,28}$/, 'a UIN')
export const vidSchema = z.string().regex(/^\d{16,36}$/, 'a VID')
