import { sql } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import type { CapturedTable } from '../captured-table.js'
import { readChangedRows } from '../cdc-source.js'
import { changeTimeText } from '../cdc-time.js'
import type { CdcChange } from '../watermark-connector.js'
import { type DecodedChange, makeChange } from './logical-change.js'
import { type Lsn, parseLsn } from './pgoutput-messages.js'

/** The source's flushed WAL position and clock, read together. */
export async function sourcePosition(db: Db): Promise<{ lsn: Lsn; now: string }> {
  const { rows } = await sql<{ lsn: string; now: string }>`
    select pg_current_wal_flush_lsn()::text as lsn,
      ${changeTimeText(sql`clock_timestamp() at time zone 'utc'`)} as now`.execute(db)
  const row = rows[0]
  if (!row) throw new Error('The CDC source returned no WAL position')
  return { lsn: parseLsn(row.lsn), now: row.now }
}

/**
 * Fills columns the stream left out because they are TOASTed and did not change in the update
 * (pgoutput sends no value for them under replica identity DEFAULT), by reading them from the
 * row as it is now. Exact unless a later transaction changed that column too (then this version
 * carries the later value; the later version follows); a row deleted since keeps null.
 */
export async function fillUnchanged(
  db: Db,
  tables: ReadonlyMap<string, CapturedTable>,
  decoded: readonly DecodedChange[],
): Promise<CdcChange[]> {
  const changes: CdcChange[] = []
  for (const { change, unchanged } of decoded) {
    const table = tables.get(change.table)
    if (unchanged.length === 0 || table === undefined) {
      changes.push(change)
      continue
    }
    const where = sql.join(
      table.primaryKey.map((column, i) => sql`${sql.ref(column)} = ${change.primaryKey[i]}`),
      sql` and `,
    )
    const { rows } = await sql<Record<string, unknown>>`
      select ${sql.join(unchanged.map((c) => sql.ref(c)))}
      from ${sql.table(table.name)} where ${where}`.execute(db)
    const current = rows[0]
    const row = { ...change.row }
    for (const column of unchanged) row[column] = current?.[column] ?? null
    changes.push({ ...change, row })
  }
  return changes
}

const farFuture = '9999-12-31T23:59:59.999999'

/**
 * The initial copy: every row of every table, in keyset order and pages of `batchSize`, as
 * changes with the watermark connector's keys, handed to `deliver` one page at a time.
 */
export async function snapshotRows(
  db: Db,
  tables: readonly CapturedTable[],
  batchSize: number,
  deliver: (table: string, changes: CdcChange[]) => Promise<void>,
): Promise<void> {
  for (const table of tables) {
    let after: { changeTime: string; key: readonly (string | number)[] } | null = null
    for (;;) {
      const page = await readChangedRows(db, table, {
        lower: null,
        upper: farFuture,
        after,
        limit: batchSize,
      })
      const changes = page.map((r) =>
        makeChange(table, r.row, r.changeTime, table.softDelete && r.row['is_deleted'] === true),
      )
      if (changes.length > 0) await deliver(table.name, changes)
      const last = page.at(-1)
      if (!last || page.length < batchSize) break
      after = last
    }
  }
}
