import { z } from 'zod'
import {
  biometricRefSchema,
  documentRefSchema,
  identitySchema,
  ridSchema,
  uinStatuses,
} from './identity-data.js'
import { consentEvidenceSchema } from './journal/consent-evidence.js'

/** A resident's Ed25519 public key (32 bytes, base64) to enrol for signing consents. */
const consentKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 Ed25519 public key (32 bytes)')

/** Identity changes default to the consent of the packet they come from (`rid`). */
const changeConsent = {
  consent: consentEvidenceSchema.optional(),
  consentKey: consentKeySchema.optional(),
}

export const createIdentityRequestSchema = z.strictObject({
  rid: ridSchema,
  identity: identitySchema,
  documents: z.array(documentRefSchema).max(50).default([]),
  biometrics: z.array(biometricRefSchema).max(20).default([]),
  bioRefId: z.string().min(1).max(128).optional(),
  langCode: z.string().length(3).optional(),
  ...changeConsent,
})
export type CreateIdentityRequest = z.input<typeof createIdentityRequestSchema>

/** An update as MOSIP applies it: given attributes replace the stored ones, others stay. */
export const updateIdentityRequestSchema = z.strictObject({
  rid: ridSchema,
  identity: identitySchema.optional(),
  documents: z.array(documentRefSchema).max(50).default([]),
  biometrics: z.array(biometricRefSchema).max(20).default([]),
  bioRefId: z.string().min(1).max(128).optional(),
  status: z.enum(uinStatuses).optional(),
  ...changeConsent,
})
export type UpdateIdentityRequest = z.input<typeof updateIdentityRequestSchema>
