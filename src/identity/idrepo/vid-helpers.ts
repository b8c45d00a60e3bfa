import type { Transaction } from 'kysely'
import { AppError } from '../../platform/errors.js'
import { idRepoErrors } from './errors.js'
import type { IdentifierSource } from './identifier-source.js'
import type { IdRepoChange } from './idrepo-events.js'
import type { VidRecord } from './idrepo.tables.js'
import { type VidPolicy, vidPolicyOf } from './vid-policy.js'

/** A VID as its holder sees it. The VID itself leaves only through this, never in events. */
export interface VidInfo {
  readonly vid: string
  readonly vidType: string
  readonly status: string
  readonly generatedAt: Date
  readonly expiresAt: Date | null
  /** Resolutions left before the VID is USED; null when unlimited. */
  readonly transactionsLeft: number | null
}

export function policyOrFail(vidType: string): VidPolicy {
  const policy = vidPolicyOf(vidType)
  if (!policy) throw idRepoErrors.invalidInput('vidType')
  return policy
}

export function isExpired(row: VidRecord, now = Date.now()): boolean {
  return row.expiry_dtimes !== null && row.expiry_dtimes.getTime() <= now
}

export async function nextVid(
  identifiers: IdentifierSource,
  trx: Transaction<object>,
): Promise<string> {
  try {
    return await identifiers.nextVid(trx)
  } catch (error) {
    throw error instanceof AppError ? error : idRepoErrors.vidGenerationFailed(error)
  }
}

export function vidAudit(
  audit: IdRepoChange['audit'],
  row: VidRecord,
  actor: string,
  description: string,
): IdRepoChange {
  return { audit, actor, refId: row.id, refIdType: 'VID_ID', description }
}

export function vidEventData(row: VidRecord, uinRefId?: string): Record<string, unknown> {
  return {
    vidId: row.id,
    vidType: row.vidtyp_code,
    status: row.status_code,
    expiryTimestamp: row.expiry_dtimes?.toISOString() ?? null,
    transactionLimit: policyOrFail(row.vidtyp_code).transactionsAllowed,
    ...(uinRefId && { uinRefId }),
  }
}

export function vidInfo(row: VidRecord): VidInfo {
  const allowed = policyOrFail(row.vidtyp_code).transactionsAllowed
  return {
    vid: row.vid,
    vidType: row.vidtyp_code,
    status: row.status_code,
    generatedAt: row.generated_dtimes,
    expiresAt: row.expiry_dtimes,
    transactionsLeft: allowed === null ? null : Math.max(allowed - row.transaction_count, 0),
  }
}
