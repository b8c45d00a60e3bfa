import { z } from 'zod'
import type { AuthTypeStatus } from './auth-lock.service.js'
import type { IdentityRecord } from './id-repo.service.js'
import { identityValueSchema } from './identity-data.js'
import type { VidInfo, VidStatusResult } from './vid.service.js'

/** MOSIP's identity response: `{status, identity (with UIN), documents}` plus the file refs. */
export const identityResponseSchema = z.object({
  status: z.string(),
  registrationId: z.string(),
  identity: z.record(z.string(), identityValueSchema),
  documents: z.array(
    z.object({ category: z.string(), type: z.string(), fileId: z.string(), hash: z.string() }),
  ),
  biometrics: z.array(z.object({ type: z.string(), fileId: z.string(), hash: z.string() })),
})

export function presentIdentity(record: IdentityRecord): z.infer<typeof identityResponseSchema> {
  return {
    status: record.status,
    registrationId: record.rid,
    identity: { ...record.identity, UIN: record.uin },
    documents: record.documents.map(({ category, type, fileId, hash }) => ({
      category,
      type,
      fileId,
      hash,
    })),
    biometrics: record.biometrics.map(({ type, fileId, hash }) => ({ type, fileId, hash })),
  }
}

export const vidResponseSchema = z.object({
  vid: z.string(),
  vidType: z.string(),
  vidStatus: z.string(),
  expiryTimestamp: z.string().nullable(),
  transactionLimit: z.number().nullable(),
})

export function presentVid(vid: VidInfo): z.infer<typeof vidResponseSchema> {
  return {
    vid: vid.vid,
    vidType: vid.vidType,
    vidStatus: vid.status,
    expiryTimestamp: vid.expiresAt?.toISOString() ?? null,
    transactionLimit: vid.transactionsLeft,
  }
}

export const vidStatusResponseSchema = z.object({
  vidStatus: z.string(),
  restoredVid: vidResponseSchema.nullable(),
})

export function presentVidStatus(result: VidStatusResult): z.infer<typeof vidStatusResponseSchema> {
  return {
    vidStatus: result.status,
    restoredVid: result.restoredVid ? presentVid(result.restoredVid) : null,
  }
}

/** MOSIP's auth type status items: `demo`, or `bio`/`otp` with a sub type. */
export const authTypeStatusResponseSchema = z.object({
  authType: z.string(),
  authSubType: z.string().nullable(),
  locked: z.boolean(),
  unlockExpiryDateTime: z.string().nullable(),
})

export function presentAuthTypeStatus(
  status: AuthTypeStatus,
): z.infer<typeof authTypeStatusResponseSchema> {
  const [type, subType] = status.authType.split('-') as [string, string | undefined]
  return {
    authType: type,
    authSubType: subType ?? null,
    locked: status.locked,
    unlockExpiryDateTime: status.unlockExpiresAt?.toISOString() ?? null,
  }
}
