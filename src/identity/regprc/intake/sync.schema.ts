import { z } from 'zod'

/** MOSIP's SyncRegistrationDTO, as the registration client sends it. */
export const syncItemSchema = z.object({
  registrationId: z.string().max(39).nullable().optional(),
  packetId: z.string().max(256).nullable().optional(),
  registrationType: z.string().max(64),
  packetHashValue: z.string().regex(/^[0-9A-Fa-f]{64}$/),
  packetSize: z.number().int().positive(),
  supervisorStatus: z.enum(['APPROVED', 'REJECTED']),
  supervisorComment: z.string().max(256).nullable().optional(),
  langCode: z.string().max(8),
  name: z.string().max(256).nullable().optional(),
  phone: z.string().max(32).nullable().optional(),
  email: z.string().max(256).nullable().optional(),
  additionalInfoReqId: z.string().max(256).nullable().optional(),
  refId: z.string().max(512).nullable().optional(),
})
export type SyncItem = z.output<typeof syncItemSchema>

/** MOSIP's SyncResponseDto / SyncResponseFailureDto. */
export const syncResultSchema = z.object({
  registrationId: z.string().nullable(),
  packetId: z.string().nullable().optional(),
  status: z.enum(['SUCCESS', 'FAILURE']),
  message: z.string().optional(),
  errorCode: z.string().optional(),
})
export type SyncResult = z.output<typeof syncResultSchema>
