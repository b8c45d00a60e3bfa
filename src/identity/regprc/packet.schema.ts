import { z } from 'zod'
import { registrationTypes, packetSources } from './vocabulary/registration-type.js'

/** MOSIP's `simpleType`: one value per language. */
const simpleType = z.array(z.object({ language: z.string().length(3), value: z.string().max(256) }))

/**
 * One captured biometric. `template` is base64 of a binary feature template (the built-in
 * matcher compares templates bit by bit; see abis/template-matcher.ts); `exception` marks a
 * biometric that could not be captured (missing finger...), which then has no template.
 */
export const biometricSchema = z
  .object({
    type: z.enum(['Finger', 'Iris', 'Face']),
    subType: z.string().max(32).nullable().default(null),
    qualityScore: z.number().min(0).max(100),
    template: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .max(16_384)
      .optional(),
    exception: z.boolean().default(false),
  })
  .refine((b) => b.exception || b.template !== undefined, {
    message: 'a captured biometric needs a template',
    path: ['template'],
  })
export type Biometric = z.output<typeof biometricSchema>

/**
 * The ID object (MOSIP's ID.json `identity`): schema-driven, so fields beyond those the
 * stages read are kept as they are.
 */
export const identitySchema = z
  .object({
    IDSchemaVersion: z.number().optional(),
    UIN: z
      .string()
      .regex(/^\d{10,28}$/)
      .optional(),
    fullName: simpleType.optional(),
    dateOfBirth: z
      .string()
      .regex(/^\d{4}\/\d{2}\/\d{2}$/)
      .optional(),
    gender: simpleType.optional(),
    introducerRID: z
      .string()
      .regex(/^\d{29}$/)
      .optional(),
    introducerUIN: z
      .string()
      .regex(/^\d{10,28}$/)
      .optional(),
    phone: z.string().max(32).optional(),
    email: z.string().max(256).optional(),
  })
  .catchall(z.unknown())
export type IdentityJson = z.output<typeof identitySchema>

/** `packet_meta_info.json`'s metaData and operationsData, flattened. */
export const metaInfoSchema = z.object({
  creationDate: z.iso.datetime({ offset: true }),
  /** Required for packets from registration clients; resident packets have none. */
  centerId: z.string().min(1).max(10).optional(),
  machineId: z.string().min(1).max(10).optional(),
  officerId: z.string().min(1).max(256).optional(),
  supervisorId: z.string().min(1).max(256).optional(),
  deviceIds: z.array(z.string().min(1).max(36)).max(20).default([]),
  consent: z.enum(['Yes', 'No']).default('Yes'),
  langCode: z.string().length(3).default('eng'),
})

export const documentSchema = z.object({
  category: z.string().min(1).max(36),
  type: z.string().min(1).max(64),
  format: z.string().min(1).max(36),
  refId: z.string().max(128).optional(),
  hash: z.string().max(128).optional(),
})

/** A registration packet as Mosaic accepts it (JSON; see docs/identity.md). */
export const packetSchema = z.object({
  registrationId: z.string().regex(/^\d{29}$/),
  process: z.enum(registrationTypes),
  source: z.enum(packetSources).default('REGISTRATION_CLIENT'),
  schemaVersion: z.string().max(16).optional(),
  identity: identitySchema,
  metaInfo: metaInfoSchema,
  biometrics: z.array(biometricSchema).max(32).default([]),
  documents: z.array(documentSchema).max(32).default([]),
})
export type RegistrationPacket = z.output<typeof packetSchema>
