import { sql } from 'kysely'
import {
  auditRecordsPage,
  journalledRecordsWithoutUin,
  type AuditedRecord,
  type IdRepoKeyring,
} from '../../identity/index.js'
import type { Db } from '../../platform/db/index.js'
import { decodeEntry, recordKey } from '../log/log-entry.js'
import type { AuditProgress, Findings } from './findings.js'

const page = 500
const reportedDeletions = 1000

/** Each page's record heads (last entry index by record key, hex). */
async function headsOf(db: Db, keys: readonly Buffer[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map()
  const { rows } = await sql<{ key: string; last_idx: string }>`
    select encode(record_key, 'hex') as key, last_idx from integrity.record_head
    where record_key in (select decode(k, 'hex') from unnest(${keys.map((k) => k.toString('hex'))}::text[]) as k)`.execute(
    db,
  )
  return new Map(rows.map((row) => [row.key, Number(row.last_idx)]))
}

async function commitmentsAt(db: Db, indexes: readonly number[]): Promise<Map<number, Buffer>> {
  if (indexes.length === 0) return new Map()
  const { rows } = await sql<{ idx: string; data: Uint8Array }>`
    select idx, data from integrity.entry where idx = any(${indexes.map(String)}::bigint[])`.execute(
    db,
  )
  const found = new Map<number, Buffer>()
  for (const row of rows) {
    try {
      found.set(Number(row.idx), Buffer.from(decodeEntry(row.data).commitment))
    } catch {
      // malformed: reported by the tree pass
    }
  }
  return found
}

function problemsOf(
  record: AuditedRecord,
  head: number | undefined,
  logged: Buffer | undefined,
): string[] {
  const { latest, current } = record
  if (!latest) return []
  if (record.unreadable) return [record.unreadable]
  const problems: string[] = []
  if (current && !current.equals(latest.commitment))
    problems.push(`it differs from its latest journalled change (version ${latest.version})`)
  if (latest.logIndex !== null) {
    if (current && logged && !current.equals(logged))
      problems.push(`it differs from its log entry ${latest.logIndex}`)
    if (head !== undefined && head !== latest.logIndex)
      problems.push(
        `its latest log entry is ${head} but its latest journalled change is entry ${latest.logIndex}`,
      )
  }
  return problems
}

/**
 * Every current record against its latest logged commitment, and every logged record that is
 * gone. Returns how many records were checked.
 */
export async function auditRecords(
  db: Db,
  keyring: IdRepoKeyring,
  findings: Findings,
  onProgress: AuditProgress,
): Promise<number> {
  const { rows: counted } = await sql<{ n: string }>`
    select count(*) as n from integrity.record_head`.execute(db)
  const loggedRecords = Number(counted[0]?.n ?? 0)
  let checked = 0
  let withHead = 0
  for (let after = ''; ;) {
    const crypto = await keyring.session()
    const records = await auditRecordsPage(db, crypto, after, page)
    if (records.length === 0) break
    after = records.at(-1)?.uinRefId ?? after
    const heads = await headsOf(
      db,
      records.map((r) => recordKey(r.uinRefId)),
    )
    const logged = await commitmentsAt(
      db,
      records.flatMap((r) => (r.latest?.logIndex == null ? [] : [r.latest.logIndex])),
    )
    for (const record of records) {
      const head = heads.get(recordKey(record.uinRefId).toString('hex'))
      if (head !== undefined) withHead += 1
      if (!record.latest) {
        findings.add(
          'record-unlogged',
          `record ${record.uinRefId} has no journalled change: it was written outside the ID repository`,
        )
        continue
      }
      const index = record.latest.logIndex
      const problems = problemsOf(record, head, index === null ? undefined : logged.get(index))
      if (problems.length > 0)
        findings.add(
          'record-changed',
          `record ${record.uinRefId} was changed outside a logged change: ${problems.join('; ')}`,
        )
    }
    checked += records.length
    onProgress('records', checked, checked)
  }
  const gone = await journalledRecordsWithoutUin(db, reportedDeletions)
  const goneHeads = await headsOf(db, gone.map(recordKey))
  for (const uinRefId of gone)
    findings.add(
      'record-deleted',
      `record ${uinRefId} has journalled changes${goneHeads.has(recordKey(uinRefId).toString('hex')) ? ' and log entries' : ''} but no longer exists in idrepo.uin`,
    )
  // Keys in the log with neither a record nor a journalled change (both deleted).
  const unaccounted = loggedRecords - withHead - goneHeads.size
  if (unaccounted > 0 && gone.length < reportedDeletions)
    findings.add(
      'record-deleted',
      `${unaccounted} records in the log (integrity.record_head) have neither a record in idrepo.uin nor a journalled change`,
    )
  return checked
}
