import { sql, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import type { IdRepoCrypto } from '../idrepo-crypto.js'
import type { IdRepoTables, UinRow } from '../idrepo.tables.js'
import { packetProcesses, recordConsentVerifier } from './consent-verifier.js'
import type { RecordChange } from './record-journal.js'
import { readRecordStates, recordCommitment } from './record-state.js'

type Executor = Db | Transaction<object>

/** A record's latest journalled change, as an auditor compares the record with it. */
export interface LatestChange {
  readonly seq: number
  readonly version: number
  readonly commitment: Buffer
  readonly logIndex: number | null
}

/** One current record with what it commits to now, under its latest change's salt. */
export interface AuditedRecord {
  readonly uinRefId: string
  /** Null when the record has no journalled change at all. */
  readonly latest: LatestChange | null
  /** The commitment to the record as stored now; null without a change (no salt to use). */
  readonly current: Buffer | null
  /** Why the current state could not be read (no personal data), else null. */
  readonly unreadable: string | null
}

/**
 * A page of current records (`idrepo.uin`, by `uin_ref_id` after `after`), each with its state's
 * commitment recomputed under the salt of its latest journalled change: equal to that change's
 * commitment unless the record was changed outside a journalled change.
 */
export async function auditRecordsPage(
  executor: Executor,
  crypto: IdRepoCrypto,
  after: string,
  limit: number,
): Promise<AuditedRecord[]> {
  const rows: UinRow[] = await executor
    .withTables<IdRepoTables>()
    .selectFrom('idrepo.uin')
    .selectAll()
    .where('uin_ref_id', '>', after)
    .orderBy('uin_ref_id')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  const { rows: latest } = await sql<{
    uin_ref_id: string
    seq: string
    version: number
    salt: Uint8Array
    commitment: Uint8Array
    log_index: string | null
  }>`
    select distinct on (uin_ref_id) uin_ref_id, seq, version, salt, commitment, log_index
    from idrepo.record_change where uin_ref_id = any(${rows.map((r) => r.uin_ref_id)}::text[])
    order by uin_ref_id, version desc`.execute(executor)
  const byRef = new Map(latest.map((row) => [row.uin_ref_id, row]))
  const states = await readRecordStates(executor, rows, crypto)
  const audited: AuditedRecord[] = []
  for (const [i, row] of rows.entries()) {
    const change = byRef.get(row.uin_ref_id)
    if (!change) {
      audited.push({ uinRefId: row.uin_ref_id, latest: null, current: null, unreadable: null })
      continue
    }
    const state = states[i]
    // A failure may quote stored values: report only that the state does not read back.
    const read = state?.status === 'fulfilled'
    const current = read ? recordCommitment(change.salt, state.value) : null
    const unreadable = read ? null : 'its stored identity no longer decrypts'
    audited.push({
      uinRefId: row.uin_ref_id,
      latest: {
        seq: Number(change.seq),
        version: change.version,
        commitment: Buffer.from(change.commitment),
        logIndex: change.log_index === null ? null : Number(change.log_index),
      },
      current,
      unreadable,
    })
  }
  return audited
}

/** Records that have journalled changes but no `idrepo.uin` row any more (deleted outside). */
export async function journalledRecordsWithoutUin(
  executor: Executor,
  limit: number,
): Promise<string[]> {
  const { rows } = await sql<{ uin_ref_id: string }>`
    select distinct c.uin_ref_id from idrepo.record_change c
    where not exists (select 1 from idrepo.uin u where u.uin_ref_id = c.uin_ref_id)
    order by c.uin_ref_id limit ${limit}`.execute(executor)
  return rows.map((row) => row.uin_ref_id)
}

/** How many distinct records the journal holds changes of. */
export async function countJournalledRecords(executor: Executor): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(distinct uin_ref_id) as n from idrepo.record_change`.execute(executor)
  return Number(rows[0]?.n ?? 0)
}

/**
 * Re-checks the stored consent of journalled changes, as `recordConsentVerifier.recheck` does,
 * with one query for every packet consent of the page (residents' signatures are checked one by
 * one). Returns the problem of each change whose consent no longer holds, by `seq`.
 */
export async function recheckConsents(
  executor: Executor,
  changes: readonly RecordChange[],
): Promise<Map<number, string>> {
  const problems = new Map<number, string>()
  const rids = [
    ...new Set(changes.flatMap((c) => (c.consent.kind === 'packet' ? [c.consent.rid] : []))),
  ]
  const processes = new Map<string, string>()
  if (rids.length > 0) {
    const { rows } = await sql<{ reg_id: string; process: string }>`
      select distinct on (reg_id) reg_id, process from regprc.registration
      where reg_id = any(${rids}::text[]) order by reg_id`.execute(executor)
    for (const row of rows) processes.set(row.reg_id, row.process)
  }
  for (const change of changes) {
    const { consent } = change
    let problem: string | null
    if (consent.kind === 'packet') {
      const process = processes.get(consent.rid)
      const allowed = packetProcesses[change.action]
      problem = !process
        ? `no registration packet ${consent.rid} was received`
        : allowed && !allowed.includes(process)
          ? `a ${process} packet cannot authorise "${change.action}"`
          : null
    } else {
      problem = await recordConsentVerifier.recheck(
        executor,
        change.uinRefId,
        change.action,
        consent,
      )
    }
    if (problem) problems.set(change.seq, problem)
  }
  return problems
}
