import { z } from 'zod'
import type { Db } from '../../platform/db/index.js'
import { AppError } from '../../platform/errors.js'
import { type CapturedTable, capturedTableSchema, neverCapturedColumns } from './captured-table.js'
import {
  type DeliveredVersion,
  loadCheckpoint,
  saveCheckpoint,
} from './cdc-checkpoint.repository.js'
import { cdcErrors } from './cdc-errors.js'
import { secondsBefore, secondsSince } from './cdc-time.js'
import { PollLoop } from './poll-loop.js'
import {
  type CdcSource,
  type CdcSourceConfig,
  type KeysetPosition,
  openCdcSource,
  readChangedRows,
  type SourceRow,
  sourceNow,
} from './cdc-source.js'

/** One row version, as the sink receives it. */
export interface CdcChange {
  /** `schema.table`. */
  readonly table: string
  /**
   * Idempotency key, `table:["pk",…]@change_time`: the same for every delivery of this row
   * version, different for every other version. A sink that keeps the keys it has applied
   * (or upserts by it) turns the connector's at-least-once delivery into exactly-once effect.
   */
  readonly key: string
  /** Primary key values, in key order. */
  readonly primaryKey: readonly (string | number)[]
  /** coalesce(upd_dtimes, cr_dtimes) (or the table's own change time), UTC, microseconds. */
  readonly changeTime: string
  /** MOSIP's soft delete (`is_deleted`): the row still exists, marked deleted. */
  readonly deleted: boolean
  /** The captured columns, nothing else. */
  readonly row: Readonly<Record<string, unknown>>
}

/** A bounded batch of one table's changes, in keyset order (change time, primary key). */
export interface CdcBatch {
  readonly source: string
  readonly table: string
  readonly changes: readonly CdcChange[]
}

/** Receives batches; the checkpoint moves only after the promise resolves. */
export type CdcSink = (batch: CdcBatch) => Promise<void>

/** Progress of one captured table: plain numbers for a health indicator. */
export interface CdcTableProgress {
  readonly source: string
  readonly table: string
  /** Greatest change time delivered. */
  readonly watermark: string | null
  /** Source time up to which every visible version was delivered. */
  readonly caughtUpTo: string | null
  /** Seconds from `caughtUpTo` to now; null until a first poll completes. */
  readonly lagSeconds: number | null
  /** Row versions acknowledged by the sink, over the checkpoint's whole life. */
  readonly rowsDelivered: number
  readonly batchesDelivered: number
  readonly lastPollAt: Date | null
  /** The last poll's error (code and message), null once a poll succeeds again. */
  readonly lastError: string | null
}

const settingsSchema = z.object({
  /** Rows per page read and per batch delivered. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
  /** Re-read this many seconds below the watermark on every poll (late commits). */
  overlapSeconds: z.number().min(0).max(86_400).default(60),
  /** Read nothing newer than the source's clock minus this (late commits, clock skew). */
  holdBackSeconds: z.number().min(0).max(86_400).default(0),
  pollIntervalMs: z.number().int().min(1).max(3_600_000).default(1000),
})

/** Options of `WatermarkConnector.open`. */
export interface WatermarkConnectorOptions extends z.input<typeof settingsSchema> {
  readonly source: CdcSourceConfig
  /** Holds `reporting.cdc_checkpoint`; may be another database than the source. */
  readonly checkpointDb: Db
  readonly tables: readonly CapturedTable[]
  readonly sink: CdcSink
  /** Errors of the background loop (`start`); the loop retries after them. */
  readonly onError?: (error: unknown) => void
  /** Asked before each background poll; false skips that round (e.g. while a bulk load runs). */
  readonly gate?: () => Promise<boolean>
  readonly now?: () => Date
}

interface TableState {
  readonly table: CapturedTable
  watermark: string | null
  caughtUpTo: string | null
  /** `caughtUpTo` as last written to the checkpoint. */
  storedCaughtUpTo: string | null
  rowsDelivered: number
  batchesDelivered: number
  version: number
  /** Versions delivered within the overlap window, by `rowKey@changeTime`. */
  readonly delivered: Map<string, DeliveredVersion>
  lastPollAt: Date | null
  lastError: string | null
}

/**
 * Change data capture by watermark polling (docs/reporting.md states the guarantee):
 * reads each table's changed rows in keyset order in bounded batches, hands each batch to the
 * sink, and persists the checkpoint once the sink has resolved.
 */
export class WatermarkConnector {
  readonly #source: CdcSource
  readonly #options: WatermarkConnectorOptions
  readonly #settings: z.output<typeof settingsSchema>
  readonly #states: TableState[]
  #queue: Promise<unknown> = Promise.resolve()
  #loop: PollLoop | undefined
  #closed = false

  private constructor(
    source: CdcSource,
    options: WatermarkConnectorOptions,
    settings: z.output<typeof settingsSchema>,
    states: TableState[],
  ) {
    this.#source = source
    this.#options = options
    this.#settings = settings
    this.#states = states
  }

  /** Validates the options, opens the source and loads each table's stored checkpoint. */
  static async open(options: WatermarkConnectorOptions): Promise<WatermarkConnector> {
    const settings = settingsSchema.safeParse(options)
    if (!settings.success) throw cdcErrors.invalidOptions(settings.error.message)
    const tables = options.tables.map((table) => {
      const parsed = capturedTableSchema.safeParse(table)
      if (!parsed.success) throw cdcErrors.invalidOptions(`${table.name}: ${parsed.error.message}`)
      for (const column of neverCapturedColumns[table.name] ?? []) {
        if (parsed.data.columns.includes(column)) throw cdcErrors.personalColumn(table.name, column)
      }
      return parsed.data
    })
    if (new Set(tables.map((t) => t.name)).size !== tables.length) {
      throw cdcErrors.invalidOptions('a table is listed twice')
    }
    if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(options.source.name)) {
      throw cdcErrors.invalidOptions('source name: 1-128 letters, digits, _ . : -')
    }
    const states: TableState[] = []
    for (const table of tables) {
      const stored = await loadCheckpoint(options.checkpointDb, options.source.name, table.name)
      states.push({
        table,
        watermark: stored.watermark,
        caughtUpTo: stored.caughtUpTo,
        storedCaughtUpTo: stored.caughtUpTo,
        rowsDelivered: stored.rowsDelivered,
        batchesDelivered: stored.batchesDelivered,
        version: stored.version,
        delivered: new Map(stored.delivered.map((v) => [versionKey(v), v])),
        lastPollAt: null,
        lastError: null,
      })
    }
    const source = await openCdcSource(options.source)
    return new WatermarkConnector(source, options, settings.data, states)
  }

  /**
   * Polls every table until it has nothing more to deliver; resolves to the row versions
   * delivered per table. Rejects with the first error (a sink's, a source's), leaving that
   * table's checkpoint at its last acknowledged batch. Polls never overlap.
   */
  pollOnce(): Promise<Record<string, number>> {
    const run = this.#queue.then(() => this.#pollAll())
    this.#queue = run.catch(() => {})
    return run
  }

  /** Polls in the background every `pollIntervalMs`, retrying after errors, until `stop`. */
  start(): void {
    if (this.#loop || this.#closed) return
    this.#loop = new PollLoop(
      async () => {
        if ((await this.#options.gate?.()) ?? true) await this.pollOnce()
      },
      this.#settings.pollIntervalMs,
      this.#options.onError,
    )
    this.#loop.start()
  }

  /**
   * Forgets every table's position, so that the next poll reads the source from the start: for
   * history written with change times behind the watermarks (a bulk import). The sink then
   * sees versions it already has, which collation's readers deduplicate by change key.
   */
  rewind(): Promise<void> {
    const run = this.#queue.then(async () => {
      for (const state of this.#states) {
        state.version = await this.#save(state, null, null, [])
        state.watermark = null
        state.caughtUpTo = null
        state.storedCaughtUpTo = null
        state.delivered.clear()
      }
    })
    this.#queue = run.catch(() => {})
    return run
  }

  /** Stops the loop after the poll under way and closes a source this connector opened. */
  async stop(): Promise<void> {
    if (this.#closed) return
    await this.#loop?.stop()
    await this.#queue
    this.#closed = true
    await this.#source.close()
  }

  /** Per-table progress, lag in seconds from the connector's clock. */
  progress(): CdcTableProgress[] {
    const now = this.#options.now?.() ?? new Date()
    return this.#states.map((s) => ({
      source: this.#source.name,
      table: s.table.name,
      watermark: s.watermark,
      caughtUpTo: s.caughtUpTo,
      lagSeconds: s.caughtUpTo === null ? null : Math.max(0, secondsSince(s.caughtUpTo, now)),
      rowsDelivered: s.rowsDelivered,
      batchesDelivered: s.batchesDelivered,
      lastPollAt: s.lastPollAt,
      lastError: s.lastError,
    }))
  }

  async #pollAll(): Promise<Record<string, number>> {
    if (this.#closed) throw cdcErrors.stopped()
    const delivered: Record<string, number> = {}
    for (const state of this.#states) {
      try {
        delivered[state.table.name] = await this.#pollTable(state)
        state.lastError = null
      } catch (error) {
        state.lastError = describe(error)
        throw error
      } finally {
        state.lastPollAt = this.#options.now?.() ?? new Date()
      }
    }
    return delivered
  }

  async #pollTable(state: TableState): Promise<number> {
    const { batchSize, overlapSeconds, holdBackSeconds } = this.#settings
    const upper = secondsBefore(await sourceNow(this.#source.db), holdBackSeconds)
    const lower = state.watermark === null ? null : secondsBefore(state.watermark, overlapSeconds)
    let after: KeysetPosition | null = null
    let count = 0
    for (;;) {
      const page = await readChangedRows(this.#source.db, state.table, {
        lower,
        upper,
        after,
        limit: batchSize,
      })
      const fresh = page.filter((r) => !state.delivered.has(versionKey(toVersion(r))))
      if (fresh.length > 0) {
        await this.#deliver(state, fresh)
        count += fresh.length
      }
      const last = page.at(-1)
      if (!last || page.length < batchSize) break
      after = last
    }
    // Every version visible now with a change time up to `upper` has been acknowledged. An
    // idle source moves only this lag marker: stored at most every 30 s (one write per table
    // per poll would be the connector's whole load on a quiet system); memory has it at once.
    if (state.caughtUpTo === null || upper > state.caughtUpTo) {
      const stored = state.storedCaughtUpTo
      if (count > 0 || stored === null || stored < secondsBefore(upper, 30)) {
        state.version = await this.#save(state, upper, state.watermark, [])
        state.storedCaughtUpTo = upper
      }
      state.caughtUpTo = upper
    }
    return count
  }

  async #deliver(state: TableState, rows: readonly SourceRow[]): Promise<void> {
    const name = state.table.name
    const changes = rows.map((r): CdcChange => {
      const version = toVersion(r)
      return {
        table: name,
        key: `${name}:${versionKey(version)}`,
        primaryKey: r.key,
        changeTime: r.changeTime,
        deleted: state.table.softDelete && r.row['is_deleted'] === true,
        row: r.row,
      }
    })
    await this.#options.sink({ source: this.#source.name, table: name, changes })
    const added = rows.map(toVersion)
    const newest = added.reduce((max, v) => (v.changeTime > max ? v.changeTime : max), '')
    const watermark =
      state.watermark !== null && state.watermark > newest ? state.watermark : newest
    state.version = await this.#save(state, state.caughtUpTo, watermark, added, rows.length)
    // Memory follows the database only once the checkpoint is committed.
    const forgetBefore = secondsBefore(watermark, this.#settings.overlapSeconds)
    for (const v of added) state.delivered.set(versionKey(v), v)
    for (const [key, v] of state.delivered)
      if (v.changeTime < forgetBefore) state.delivered.delete(key)
    state.watermark = watermark
    state.rowsDelivered += rows.length
    state.batchesDelivered += 1
  }

  #save(
    state: TableState,
    caughtUpTo: string | null,
    watermark: string | null,
    added: readonly DeliveredVersion[],
    rows = 0,
  ): Promise<number> {
    return saveCheckpoint(this.#options.checkpointDb, this.#source.name, state.table.name, {
      previousVersion: state.version,
      watermark,
      caughtUpTo,
      rowsDelivered: state.rowsDelivered + rows,
      batchesDelivered: state.batchesDelivered + (rows > 0 ? 1 : 0),
      added,
      forgetBefore:
        watermark === null ? null : secondsBefore(watermark, this.#settings.overlapSeconds),
    })
  }
}

function toVersion(row: SourceRow): DeliveredVersion {
  return { rowKey: JSON.stringify(row.key.map(String)), changeTime: row.changeTime }
}

function versionKey(version: DeliveredVersion): string {
  return `${version.rowKey}@${version.changeTime}`
}

function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
