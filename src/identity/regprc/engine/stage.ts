import type { Kysely } from 'kysely'
import type { KeyedHasher } from '../../../platform/crypto/index.js'
import type { RegistrationPacket } from '../packet.schema.js'
import type { AbisPort, IdentityPort, MasterDataPort } from '../ports.js'
import type { RegprcSettings } from '../regprc.settings.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import type { SyncType } from '../vocabulary/registration-type.js'
import type { TransactionStatusCode } from '../vocabulary/status-code.js'
import type { StageName } from '../vocabulary/stage-name.js'
import type { SubStatusName } from '../vocabulary/sub-status.js'

/** The ports and settings stages work with. */
export interface StageServices {
  readonly master: MasterDataPort
  readonly identity: IdentityPort
  readonly abis: AbisPort
  /** Keyed hashes for demographic de-duplication (its own key purpose). */
  readonly demoHasher: KeyedHasher
  readonly settings: RegprcSettings
}

/** What a stage sees of the registration it processes. */
export interface StageContext {
  readonly workflowInstanceId: string
  readonly rid: string
  readonly process: SyncType
  /** The id the transaction row of this attempt will have (stages use it as a reference). */
  readonly transactionId: string
  /** The packet as received (validated by the packet validator; later stages may rely on it). */
  readonly raw: string
  packet(): RegistrationPacket
  readonly db: Kysely<RegprcTables>
  readonly services: StageServices
  readonly now: Date
}

/**
 * A stage's result, in MOSIP's MessageDTO terms: `isValid`/`internalError` decide the route's
 * failure handling; `subStatus` (+ `commentSuffix`, ids only) is what the transaction row
 * records; `next` is the stage's hint where the route branches on it; `pause` leaves the
 * workflow waiting for an outside decision (manual adjudication, verification).
 */
export interface StageOutcome {
  readonly isValid: boolean
  readonly internalError: boolean
  readonly subStatus: SubStatusName
  readonly commentSuffix?: string
  readonly next?: StageName
  readonly pause?: boolean
  /** Overrides the transaction status the flags imply (e.g. FAILED for a potential match). */
  readonly transactionStatus?: TransactionStatusCode
  readonly ref?: { readonly id: string; readonly type: string }
  /** Writes made in the same transaction as the stage's transaction row. */
  readonly effects?: (trx: Kysely<RegprcTables>) => Promise<void>
}

export type StageHandler = (context: StageContext) => Promise<StageOutcome>

export const passed = (
  subStatus: SubStatusName,
  extra: Partial<StageOutcome> = {},
): StageOutcome => ({ isValid: true, internalError: false, subStatus, ...extra })

export const failed = (
  subStatus: SubStatusName,
  extra: Partial<StageOutcome> = {},
): StageOutcome => ({ isValid: false, internalError: false, subStatus, ...extra })

/** The transaction status a stage's flags imply. */
export function transactionStatusOf(outcome: StageOutcome): TransactionStatusCode {
  if (outcome.transactionStatus) return outcome.transactionStatus
  if (outcome.internalError) return outcome.isValid ? 'REPROCESS' : 'ERROR'
  return outcome.isValid ? 'SUCCESS' : 'FAILED'
}

/**
 * A potential match: the stage's row records FAILED with the match's sub-status, and the
 * packet goes on to manual adjudication rather than being rejected (MOSIP's dedupe stages).
 */
export const toAdjudication = (
  subStatus: SubStatusName,
  extra: Partial<StageOutcome> = {},
): StageOutcome => ({
  isValid: true,
  internalError: false,
  subStatus,
  next: 'manual-adjudication',
  transactionStatus: 'FAILED',
  ...extra,
})
