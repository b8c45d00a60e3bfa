import { sql } from 'kysely'
import {
  consentReference,
  journalPage,
  recheckConsents,
  type RecordChange,
} from '../../identity/index.js'
import type { Db } from '../../platform/db/index.js'
import { actorKey, decodeEntry, recordKey, type LogEntry } from '../log/log-entry.js'
import type { AuditProgress, Findings } from './findings.js'

const page = 2000
/** A change the log has not recorded after this long means the sequencer is not running. */
export const unloggedGraceMs = 60_000

export interface JournalResult {
  readonly rows: number
  readonly unlogged: number
  readonly consents: number
}

async function entriesAt(db: Db, indexes: readonly number[]): Promise<Map<number, Buffer>> {
  if (indexes.length === 0) return new Map()
  const { rows } = await sql<{ idx: string; data: Uint8Array }>`
    select idx, data from integrity.entry where idx = any(${indexes.map(String)}::bigint[])`.execute(
    db,
  )
  return new Map(rows.map((row) => [Number(row.idx), Buffer.from(row.data)]))
}

/** The fields of `entry` that differ from what the journal row says. */
function differences(change: RecordChange, entry: LogEntry): string[] {
  const diffs: string[] = []
  if (!entry.recordKey.equals(recordKey(change.uinRefId))) diffs.push('record key')
  if (entry.version !== change.version) diffs.push('version')
  if (entry.action !== change.action) diffs.push('action')
  if (!entry.commitment.equals(change.commitment)) diffs.push('commitment')
  if (!entry.consentRef.equals(consentReference(change.consent))) diffs.push('consent reference')
  if (entry.time !== change.changedAt.getTime()) diffs.push('time')
  if (!entry.actorKey.equals(actorKey(change.actor))) diffs.push('actor')
  return diffs
}

/**
 * Every journalled change against the log: a logged one matches its entry field by field, and
 * every entry is claimed by exactly one change; every change's consent still holds; a change
 * unlogged for over a minute is reported (the sequencer is not keeping up or not running).
 */
export async function auditJournal(
  db: Db,
  headSize: number,
  findings: Findings,
  onProgress: AuditProgress,
  now = Date.now(),
): Promise<JournalResult> {
  const claims = new Uint8Array(headSize)
  let rows = 0
  let unlogged = 0
  let consents = 0
  for (let after = 0; ;) {
    const changes = await journalPage(db, after, page)
    if (changes.length === 0) break
    after = changes.at(-1)?.seq ?? after
    rows += changes.length
    const problems = await recheckConsents(db, changes)
    consents += changes.length
    const entries = await entriesAt(
      db,
      changes.flatMap((c) => (c.logIndex === null ? [] : [c.logIndex])),
    )
    for (const change of changes) {
      const name = `journal change ${change.seq} (record ${change.uinRefId}, version ${change.version})`
      const problem = problems.get(change.seq)
      if (problem) findings.add('consent-invalid', `${name}: ${problem}`)
      if (!consentReference(change.consent).equals(change.consentRef))
        findings.add('consent-invalid', `${name}: its consent reference is not that of its consent`)
      if (change.logIndex === null) {
        unlogged += 1
        if (now - change.changedAt.getTime() > unloggedGraceMs)
          findings.add('journal-unlogged', `${name} is not in the log after more than a minute`)
        continue
      }
      const index = change.logIndex
      if (index >= headSize || index < 0) {
        findings.add(
          'journal-entry-mismatch',
          `${name} names entry ${index}, beyond the log's size ${headSize}`,
        )
        continue
      }
      claims[index] = Math.min(2, (claims[index] ?? 0) + 1)
      const data = entries.get(index)
      if (!data) continue // reported as entry-missing by the tree pass
      let entry: LogEntry
      try {
        entry = decodeEntry(data)
      } catch {
        continue // reported as entry-malformed
      }
      const diffs = differences(change, entry)
      if (diffs.length > 0)
        findings.add(
          'journal-entry-mismatch',
          `${name} differs from entry ${index} in: ${diffs.join(', ')}`,
        )
    }
    onProgress('journal', rows, rows)
  }
  for (let index = 0; index < headSize; index++) {
    if (claims[index] === 0)
      findings.add('entry-unclaimed', `entry ${index} is claimed by no journalled change`)
    else if (claims[index] === 2)
      findings.add(
        'entry-claimed-twice',
        `entry ${index} is claimed by more than one journalled change`,
      )
  }
  return { rows, unlogged, consents }
}
