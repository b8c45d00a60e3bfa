import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { quoteIdentifier } from './quote-identifier.js'

/** `COPY schema.table (a, b) FROM <source>` with every identifier quoted. */
function copyStatement(table: string, columns: readonly string[], source: string): string {
  const target = table.split('.').map(quoteIdentifier).join('.')
  return `COPY ${target} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source}`
}

export async function copyIntoPostgres(
  pool: pg.Pool,
  table: string,
  columns: readonly string[],
  text: string,
): Promise<void> {
  const client = await pool.connect()
  try {
    await pipeline(
      Readable.from([text]),
      client.query(copyFrom(copyStatement(table, columns, 'STDIN'))),
    )
    client.release()
  } catch (error) {
    // A connection that failed half-way through COPY is not reusable.
    client.release(error instanceof Error ? error : true)
    throw error
  }
}

export async function copyIntoPglite(
  pglite: PGlite,
  table: string,
  columns: readonly string[],
  text: string,
): Promise<void> {
  await pglite.query(copyStatement(table, columns, `'/dev/blob'`), [], {
    blob: new Blob([text]),
  })
}
