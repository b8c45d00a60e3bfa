import { randomBytes } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import type { IdRepoCrypto } from '../idrepo-crypto.js'
import type { UinRow } from '../idrepo.tables.js'
import { consentReference, type ChangeConsent, type StoredConsent } from './consent-evidence.js'
import type { ConsentVerifier } from './consent-verifier.js'
import { journalErrors } from './journal-errors.js'
import type { RecordAction } from './record-actions.js'
import { readRecordState, recordCommitment } from './record-state.js'

type Executor = Db | Transaction<object>

/** One consented change to a record, as journalled in the change's own transaction. */
export interface RecordChange {
  readonly seq: number
  readonly uinRefId: string
  readonly version: number
  readonly action: RecordAction
  readonly salt: Buffer
  readonly commitment: Buffer
  readonly consent: StoredConsent
  readonly consentRef: Buffer
  readonly actor: string
  readonly changedAt: Date
  /** The change's index in the integrity log, once the log has recorded it. */
  readonly logIndex: number | null
}

/** A change to journal: the record after the change, and what authorised it. */
export interface ChangeToJournal {
  readonly row: UinRow
  readonly action: RecordAction
  readonly params: unknown
  readonly consent: ChangeConsent
  readonly actor: string
  readonly at: Date
}

/**
 * Checks the change's consent and journals it with a salted commitment to the record's state
 * after the change, as part of `trx`: the change and its journal row commit together or not at
 * all. Returns the row's sequence number, which the integrity log stamps once it holds it.
 */
export async function journalChange(
  trx: Transaction<object>,
  deps: { crypto: IdRepoCrypto; verifier: ConsentVerifier },
  change: ChangeToJournal,
): Promise<number> {
  const uinRefId = change.row.uin_ref_id
  const stored = await deps.verifier.verify(trx, {
    uinRefId,
    action: change.action,
    params: change.params,
    evidence: change.consent,
    now: change.at,
  })
  const salt = randomBytes(32)
  const commitment = recordCommitment(salt, await readRecordState(trx, change.row, deps.crypto))
  try {
    const { rows } = await sql<{ seq: string }>`
      insert into idrepo.record_change (uin_ref_id, version, action, salt, commitment,
        consent_kind, consent, consent_ref, actor, changed_at)
      select ${uinRefId}, coalesce(max(version), 0) + 1, ${change.action}, ${salt},
        ${commitment}, ${stored.kind}, ${JSON.stringify(stored)}::jsonb,
        ${consentReference(stored)}, ${change.actor}, ${change.at}
      from idrepo.record_change where uin_ref_id = ${uinRefId}
      returning seq`.execute(trx)
    return Number(rows[0]?.seq)
  } catch (error) {
    if ((error as { code?: string }).code === '23505' && stored.kind === 'resident')
      throw journalErrors.consentReused()
    throw error
  }
}

interface ChangeRow {
  seq: string
  uin_ref_id: string
  version: number
  action: RecordAction
  salt: Uint8Array
  commitment: Uint8Array
  consent: StoredConsent | string
  consent_ref: Uint8Array
  actor: string
  changed_at: Date
  log_index: string | null
}

function toChange(row: ChangeRow): RecordChange {
  return {
    seq: Number(row.seq),
    uinRefId: row.uin_ref_id,
    version: row.version,
    action: row.action,
    salt: Buffer.from(row.salt),
    commitment: Buffer.from(row.commitment),
    consent:
      typeof row.consent === 'string' ? (JSON.parse(row.consent) as StoredConsent) : row.consent,
    consentRef: Buffer.from(row.consent_ref),
    actor: row.actor,
    changedAt: row.changed_at,
    logIndex: row.log_index === null ? null : Number(row.log_index),
  }
}

/** Journalled changes the log has not recorded yet, oldest first (for the log's sequencer). */
export async function unloggedChanges(executor: Executor, limit: number): Promise<RecordChange[]> {
  const { rows } = await sql<ChangeRow>`
    select * from idrepo.record_change where log_index is null order by seq limit ${limit}`.execute(
    executor,
  )
  return rows.map(toChange)
}

/** How many journalled changes wait for the log, counting at most `cap`. */
export async function countUnlogged(executor: Executor, cap: number): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from (select 1 from idrepo.record_change
      where log_index is null limit ${cap}) pending`.execute(executor)
  return Number(rows[0]?.n ?? 0)
}

/** Stamps changes with their log index, in the sequencer's batch transaction. */
export async function markChangesLogged(
  trx: Transaction<object>,
  stamps: readonly { seq: number; logIndex: number }[],
): Promise<void> {
  if (stamps.length === 0) return
  const seqs = stamps.map((s) => String(s.seq))
  const indexes = stamps.map((s) => String(s.logIndex))
  await sql`
    update idrepo.record_change c set log_index = s.log_index
    from unnest(${seqs}::bigint[], ${indexes}::bigint[]) as s(seq, log_index)
    where c.seq = s.seq`.execute(trx)
}

/** Every journalled change of a record, by version. */
export async function changesOfRecord(
  executor: Executor,
  uinRefId: string,
): Promise<RecordChange[]> {
  const { rows } = await sql<ChangeRow>`
    select * from idrepo.record_change where uin_ref_id = ${uinRefId} order by version`.execute(
    executor,
  )
  return rows.map(toChange)
}

/** Journalled changes in sequence order after `afterSeq` (auditors page through them). */
export async function journalPage(
  executor: Executor,
  afterSeq: number,
  limit: number,
): Promise<RecordChange[]> {
  const { rows } = await sql<ChangeRow>`
    select * from idrepo.record_change where seq > ${afterSeq} order by seq limit ${limit}`.execute(
    executor,
  )
  return rows.map(toChange)
}

/** The log indexes of the given changes (null while unlogged; absent if the row is gone). */
export async function logIndexesOf(
  executor: Executor,
  seqs: readonly number[],
): Promise<Map<number, number | null>> {
  const { rows } = await sql<{ seq: string; log_index: string | null }>`
    select seq, log_index from idrepo.record_change
    where seq = any(${seqs.map(String)}::bigint[])`.execute(executor)
  return new Map(
    rows.map((r) => [Number(r.seq), r.log_index === null ? null : Number(r.log_index)]),
  )
}
