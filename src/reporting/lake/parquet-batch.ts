import {
  dateValue,
  timestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api'
import type { LakeColumn, LakeDataset, LakeRow } from './lake-dataset.js'
import { describeDuckDbError } from './lake-errors.js'
import { sqlIdentifier, sqlString } from './lake-files.js'

const dayMs = 86_400_000

/** How a Parquet file is compressed: the codec and, for zstd, an optional level (1-22). */
export interface ParquetCompression {
  readonly codec: 'zstd' | 'snappy'
  readonly level?: number
}

/** The `COPY … TO` options of a Parquet file with this compression. */
export function copyOptions(compression: ParquetCompression): string {
  const level =
    compression.codec === 'zstd' && compression.level !== undefined
      ? `, COMPRESSION_LEVEL ${Math.trunc(compression.level)}`
      : ''
  return `(FORMAT parquet, COMPRESSION ${compression.codec}${level})`
}

/**
 * Writes validated rows to a Parquet file at `path`: loads them into the scratch table `table`
 * with DuckDB's appender, then COPYs it out. The scratch table is always dropped.
 */
export async function writeParquetRows(
  connection: DuckDBConnection,
  table: string,
  dataset: LakeDataset,
  rows: readonly LakeRow[],
  path: string,
  compression: ParquetCompression,
): Promise<void> {
  const columns = dataset.columns
    .map((c) => `${sqlIdentifier(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)
    .join(', ')
  await connection.run(`CREATE TABLE ${table} (${columns})`)
  try {
    const appender = await connection.createAppender(table)
    try {
      for (const row of rows) {
        for (const column of dataset.columns) appendValue(appender, column, row[column.name])
        appender.endRow()
      }
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
    await connection.run(`COPY ${table} TO ${sqlString(path)} ${copyOptions(compression)}`)
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`)
  }
}

/** The total row count of Parquet files, from their footers (`list` is a SQL list literal). */
export async function countParquetRows(
  connection: DuckDBConnection,
  list: string,
): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT CAST(coalesce(sum(num_rows), 0) AS DOUBLE) AS n FROM parquet_file_metadata(${list})`,
  )
  return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0)
}

/** A SQL list literal of file paths. */
export function pathList(paths: readonly string[]): string {
  return `[${paths.map(sqlString).join(', ')}]`
}

/** An error in words that can be logged (see describeDuckDbError). */
export function describeLakeError(error: unknown): string {
  if (error instanceof Error && /^[A-Za-z ]+ Error:/.test(error.message)) {
    return describeDuckDbError(error)
  }
  // Node's file-system errors name a code and a path, never a value.
  return error instanceof Error ? error.message : 'unknown error'
}

/** Appends one validated value; validation guarantees the JS type matches the column. */
function appendValue(appender: DuckDBAppender, column: LakeColumn, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull()
  switch (column.type) {
    case 'VARCHAR':
      return appender.appendVarchar(value as string)
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean)
    case 'SMALLINT':
      return appender.appendSmallInt(value as number)
    case 'INTEGER':
      return appender.appendInteger(value as number)
    case 'BIGINT':
      return appender.appendBigInt(BigInt(value as number | bigint))
    case 'DOUBLE':
      return appender.appendDouble(value as number)
    case 'DATE':
      return appender.appendDate(dateValue(Date.parse(`${value as string}T00:00:00Z`) / dayMs))
    case 'TIMESTAMP': {
      const ms = value instanceof Date ? value.getTime() : Date.parse(value as string)
      return appender.appendTimestamp(timestampValue(BigInt(ms) * 1000n))
    }
  }
}
