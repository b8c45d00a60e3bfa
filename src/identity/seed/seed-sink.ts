import type { Db } from '../../platform/db/index.js'
import { bulkInsert, type SeedValue } from './bulk-insert.js'
import { flushThreshold, seedTables, type SeedTableName } from './table-specs.js'

const order = Object.keys(seedTables) as SeedTableName[]

/**
 * Buffers generated rows per table and writes them in bulk, parents before children (the
 * order of `seedTables`), so foreign keys hold at every flush.
 */
export class SeedSink {
  private readonly buffers = new Map<SeedTableName, SeedValue[][]>()
  readonly counts = new Map<SeedTableName, number>()
  private buffered = 0
  private readonly inFlight: Promise<void>[] = []

  constructor(private readonly db: Db) {}

  add(table: SeedTableName, row: SeedValue[]): void {
    let buffer = this.buffers.get(table)
    if (!buffer) {
      buffer = []
      this.buffers.set(table, buffer)
    }
    buffer.push(row)
    this.buffered++
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1)
  }

  /**
   * Writes everything buffered when enough has piled up (or always, with `force`, which also
   * waits for every write). Up to two batches are written at once: on PostgreSQL the server
   * inserts one while this process generates the next (PGlite queues them). Batches never
   * refer to each other's rows, so their order does not matter.
   */
  async flush(force = false): Promise<void> {
    if (force || this.buffered >= flushThreshold * 4) {
      const batch = order.flatMap((table) => {
        const rows = this.buffers.get(table)
        this.buffers.set(table, [])
        return rows && rows.length > 0 ? [[table, rows] as const] : []
      })
      this.buffered = 0
      const write = (async () => {
        for (const [table, rows] of batch) await bulkInsert(this.db, seedTables[table], rows)
      })()
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
export function created(by: string, at: Date): SeedValue[] {
  return [by, at, null, null, false, null]
}
