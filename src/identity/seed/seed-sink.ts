import { copyTextRow, type CopyValue, type Database } from '../../platform/db/index.js'
import { flushThreshold, seedTables, type SeedTableName } from './table-specs.js'

const order = Object.keys(seedTables) as SeedTableName[]

/** What the sink writes through: the database's bulk load. */
export type SeedLoader = Pick<Database, 'copyIn'>

/**
 * Buffers generated rows per table, already in COPY text (one string per row, so the many
 * small values die young), and bulk-loads them, parents before children (the order of
 * `seedTables`), so foreign keys hold at every flush.
 */
export class SeedSink {
  private readonly buffers = new Map<SeedTableName, string[]>()
  readonly counts = new Map<SeedTableName, number>()
  private buffered = 0
  private readonly inFlight: Promise<void>[] = []

  constructor(private readonly loader: SeedLoader) {}

  add(table: SeedTableName, row: readonly CopyValue[]): void {
    let buffer = this.buffers.get(table)
    if (!buffer) {
      buffer = []
      this.buffers.set(table, buffer)
    }
    buffer.push(copyTextRow(row))
    this.buffered++
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1)
  }

  /**
   * Writes everything buffered when enough has piled up (or always, with `force`, which also
   * waits for every write). Up to two batches are written at once: on PostgreSQL the server
   * loads one while this process generates the next (PGlite queues them). Batches never
   * refer to each other's rows, so their order does not matter.
   */
  async flush(force = false): Promise<void> {
    if (force || this.buffered >= flushThreshold * 4) {
      const batch = order.flatMap((table) => {
        const rows = this.buffers.get(table)
        this.buffers.set(table, [])
        return rows && rows.length > 0 ? [{ ...seedTables[table], text: rows.join('') }] : []
      })
      this.buffered = 0
      // One transaction per batch: one commit to wait for, and a batch is whole or absent.
      const write = this.loader.copyIn(batch)
      this.inFlight.push(write)
      write.catch(() => {})
    }
    while (this.inFlight.length > (force ? 0 : 1)) await this.inFlight.shift()
  }

  count(table: SeedTableName): number {
    return this.counts.get(table) ?? 0
  }
}

/** MOSIP's audit columns: created by `by` at `at`, never updated or deleted. */
export function created(by: string, at: Date): CopyValue[] {
  return [by, at, null, null, false, null]
}
