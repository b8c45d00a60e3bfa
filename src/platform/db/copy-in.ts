import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { quoteIdentifier } from './quote-identifier.js'

/** Rows in COPY text format (see copy-text.ts) for `columns` of the schema-qualified `table`. */
export interface CopyLoad {
  readonly table: string
  readonly columns: readonly string[]
  readonly text: string
}

/** `COPY schema.table (a, b) FROM <source>` with every identifier quoted. */
function copyStatement(load: CopyLoad, source: string): string {
  const target = load.table.split('.').map(quoteIdentifier).join('.')
  return `COPY ${target} (${load.columns.map(quoteIdentifier).join(', ')}) FROM ${source}`
}

export async function copyIntoPostgres(pool: pg.Pool, loads: readonly CopyLoad[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const load of loads)
      await pipeline(
        Readable.from([load.text]),
        client.query(copyFrom(copyStatement(load, 'STDIN'))),
      )
    await client.query('COMMIT')
    client.release()
  } catch (error) {
    // A connection that failed half-way through COPY is not reusable; dropping it rolls back.
    client.release(error instanceof Error ? error : true)
    throw error
  }
}

export async function copyIntoPglite(pglite: PGlite, loads: readonly CopyLoad[]): Promise<void> {
  await pglite.transaction(async (tx) => {
    for (const load of loads)
      await tx.query(copyStatement(load, `'/dev/blob'`), [], { blob: new Blob([load.text]) })
  })
}
