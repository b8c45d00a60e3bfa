import { sql } from 'kysely'
import { openDatabase, type Db } from '../../platform/db/index.js'
import type { CapturedTable } from './captured-table.js'
import { cdcErrors } from './cdc-errors.js'
import { changeTimeText, timestampParam } from './cdc-time.js'

/**
 * Where changes are read: an open handle (our own core's `Db`), or the connection string of a
 * PostgreSQL database with MOSIP's schemas (a real MOSIP's). `name` keys the checkpoints, so it
 * must stay the same across restarts and differ between sources.
 */
export type CdcSourceConfig =
  { readonly name: string; readonly db: Db } | { readonly name: string; readonly url: string }

/** An opened source; `close` ends the connection only if the source opened it. */
export interface CdcSource {
  readonly name: string
  readonly db: Db
  close(): Promise<void>
}

/** Opens a source: a given handle is used as is, a connection string gets a small pool. */
export async function openCdcSource(config: CdcSourceConfig): Promise<CdcSource> {
  if ('db' in config) return { name: config.name, db: config.db, close: async () => {} }
  // openDatabase sets the session to UTC, as MOSIP's timestamp columns hold UTC.
  // A source is only read: a mistyped name must fail, not create an empty database.
  const database = await openDatabase({ url: config.url, poolMax: 2, createIfMissing: false })
  return { name: config.name, db: database.db, close: () => database.close() }
}

/** A keyset position: change time, then the primary key values in key order. */
export interface KeysetPosition {
  readonly changeTime: string
  readonly key: readonly (string | number)[]
}

/** One row version read from a source. */
export interface SourceRow extends KeysetPosition {
  readonly row: Readonly<Record<string, unknown>>
}

/** Which versions a page reads: `lower` ≤ change time ≤ `upper`, after `after` in keyset order. */
export interface PageRange {
  readonly lower: string | null
  readonly upper: string
  readonly after: KeysetPosition | null
  readonly limit: number
}

const changeTimeAlias = 'cdc_change_time__'

/** The source's clock, UTC, in the change-time format (whatever the session's time zone). */
export async function sourceNow(db: Db): Promise<string> {
  const { rows } = await sql<{
    now: string
  }>`select ${changeTimeText(sql`clock_timestamp() at time zone 'utc'`)} as now`.execute(db)
  const now = rows[0]?.now
  if (!now) throw new Error('The CDC source returned no clock reading')
  return now
}

/**
 * Reads up to `limit` row versions in keyset order (change time, primary key). Selects only the
 * table's listed columns.
 */
export async function readChangedRows(
  db: Db,
  table: CapturedTable,
  range: PageRange,
): Promise<SourceRow[]> {
  const changeTime = sql`coalesce(${sql.join(table.changeTime.map((c) => sql.ref(c)))})`
  const key = sql.join(table.primaryKey.map((c) => sql.ref(c)))
  const conditions = [sql`${changeTime} <= ${timestampParam(range.upper)}`]
  if (range.after) {
    const values = sql.join(range.after.key.map((value) => sql`${value}`))
    conditions.push(
      sql`(${changeTime}, ${key}) > (${timestampParam(range.after.changeTime)}, ${values})`,
    )
  } else if (range.lower) {
    conditions.push(sql`${changeTime} >= ${timestampParam(range.lower)}`)
  }
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join(table.columns.map((c) => sql.ref(c)))},
      ${changeTimeText(changeTime)} as ${sql.ref(changeTimeAlias)}
    from ${sql.table(table.name)}
    where ${sql.join(conditions, sql` and `)}
    order by ${changeTime}, ${key}
    limit ${range.limit}`.execute(db)
  return rows.map((raw) => {
    const { [changeTimeAlias]: changeTimeValue, ...row } = raw
    const keyValues = table.primaryKey.map((column) => {
      const value = row[column]
      if (typeof value === 'string' || typeof value === 'number') return value
      throw cdcErrors.unsupportedKey(table.name, column)
    })
    return { changeTime: String(changeTimeValue), key: keyValues, row }
  })
}
