import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import { entryFormat, entrySize } from '../log/log-entry.js'
import type { Findings } from './findings.js'

const reported = 100

/**
 * The well-formed entries' record key, version and previous index (+1), decoded by the database
 * (offsets of log-entry.ts), so that the per-record chains of a large log are checked by a sort
 * there rather than a map of every record here.
 */
const decoded = sql`select idx, substring(data from 3 for 32) as k,
    ('x' || encode(substring(data from 35 for 4), 'hex'))::bit(32)::bigint as version,
    ('x' || encode(substring(data from 39 for 8), 'hex'))::bit(64)::bigint as prev
  from integrity.entry where length(data) = ${entrySize} and get_byte(data, 0) = ${entryFormat}`

/**
 * Each entry's previous index is the record's entry before it and its version the one after
 * that entry's (a record's first: version 1, no previous); integrity.record_head holds each
 * record's last entry and version.
 */
export async function auditChains(db: Db, findings: Findings): Promise<void> {
  const { rows } = await sql<{
    idx: string
    version: string
    prev: string
    want_prev: string | null
    want_version: string | null
  }>`
    with e as (${decoded}), w as (
      select idx, version, prev, lag(idx) over r as want_prev, lag(version) over r as want_version
      from e window r as (partition by k order by idx))
    select idx, version, prev, want_prev, want_version from w
    where prev <> coalesce(want_prev + 1, 0) or version <> coalesce(want_version + 1, 1)
    order by idx limit ${reported}`.execute(db)
  for (const row of rows) {
    const previous = Number(row.prev) === 0 ? 'none' : String(Number(row.prev) - 1)
    const want =
      row.want_prev === null
        ? 'version 1 and no previous entry (its record has no earlier entry)'
        : `previous entry ${row.want_prev} and version ${Number(row.want_version) + 1}`
    findings.add(
      'entry-chain',
      `entry ${row.idx} has version ${row.version} and previous entry ${previous}; its record's chain gives ${want}`,
    )
  }
  const heads = await sql<{
    key: string
    idx: string | null
    version: string | null
    last_idx: string | null
    head_version: number | null
  }>`
    with e as (${decoded}), last as (
      select distinct on (k) k, idx, version from e order by k, idx desc)
    select encode(coalesce(l.k, h.record_key), 'hex') as key, l.idx, l.version,
      h.last_idx, h.version as head_version
    from last l full join integrity.record_head h on h.record_key = l.k
    where l.k is null or h.record_key is null or l.idx <> h.last_idx or l.version <> h.version
    order by 1 limit ${reported}`.execute(db)
  for (const row of heads.rows) {
    const log = row.idx === null ? 'no entry' : `last entry ${row.idx} (version ${row.version})`
    const head =
      row.last_idx === null ? 'no row' : `entry ${row.last_idx} (version ${row.head_version})`
    findings.add(
      'record-head-mismatch',
      `record key ${row.key}: the log has ${log}, integrity.record_head ${head}`,
    )
  }
}
