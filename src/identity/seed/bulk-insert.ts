import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'

/** A column of a seeded table and the PostgreSQL type its values are cast to. */
export interface ColumnSpec {
  readonly name: string
  readonly type: 'varchar' | 'timestamp' | 'date' | 'time' | 'boolean' | 'int' | 'bytea' | 'jsonb'
}

export interface TableSpec {
  /** Schema-qualified name. */
  readonly table: string
  readonly columns: readonly ColumnSpec[]
}

/** A value as the seed produces it; timestamps are UTC `Date`s, bytea is a Uint8Array. */
export type SeedValue = string | number | boolean | Date | Uint8Array | null

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** UTC wall-clock text for `timestamp` columns (no offset: MOSIP's columns are UTC). */
export function timestampText(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    pad(date.getUTCMilliseconds(), 3)
  )
}

function asText(value: SeedValue): string | null {
  if (value === null) return null
  if (value instanceof Date) return timestampText(value)
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`
  return String(value)
}

/**
 * Inserts rows with one statement per chunk: each column travels as one text array and the
 * server unnests and casts them. Why: a handful of parameters per statement instead of one per
 * value keeps both the driver and the server's parser out of the way (several times faster
 * than a multi-row VALUES list), works the same on PGlite and PostgreSQL, and needs no COPY
 * support in the driver.
 */
export async function bulkInsert(
  db: Db,
  spec: TableSpec,
  rows: readonly (readonly SeedValue[])[],
  chunkSize = 5_000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    const arrays = spec.columns.map((_, index) => chunk.map((row) => asText(row[index] ?? null)))
    const casts = spec.columns.map(
      (column, index) => sql`${arrays[index]}::text[]::${sql.raw(column.type)}[]`,
    )
    await sql`insert into ${sql.raw(spec.table)}
      (${sql.join(spec.columns.map((column) => sql.ref(column.name)))})
      select * from unnest(${sql.join(casts)})`.execute(db)
  }
}
