import { z } from 'zod'
import {
  biometricRefSchema,
  documentRefSchema,
  identitySchema,
  ridSchema,
  uinStatuses,
} from './identity-data.js'

export const createIdentityRequestSchema = z.strictObject({
  rid: ridSchema,
  identity: identitySchema,
  documents: z.array(documentRefSchema).max(50).default([]),
  biometrics: z.array(biometricRefSchema).max(20).default([]),
  bioRefId: z.string().min(1).max(128).optional(),
  langCode: z.string().length(3).optional(),
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
})
export type UpdateIdentityRequest = z.input<typeof updateIdentityRequestSchema>
