import { AppError } from '../../../platform/errors.js'
import type { CapturedTable } from '../captured-table.js'
import { cdcErrors } from '../cdc-errors.js'
import { type CdcSource, openCdcSource } from '../cdc-source.js'
import { secondsSince } from '../cdc-time.js'
import { PollLoop } from '../poll-loop.js'
import type { CdcChange, CdcTableProgress } from '../watermark-connector.js'
import { ChangeWindow } from './change-window.js'
import { logicalErrors } from './logical-errors.js'
import {
  type LogicalConnectorOptions,
  type LogicalSettings,
  logicalSettingsSchema,
  validateCapture,
} from './logical-options.js'
import { fillUnchanged, snapshotRows, sourcePosition } from './logical-source.js'
import { delay, describeError, withTimeout } from './async-helpers.js'
import { formatLsn, type Lsn, parsePgOutput, type ReplicationFrame } from './pgoutput-messages.js'
import {
  loadReplicationCheckpoint,
  type ReplicationCheckpoint,
  saveReplicationCheckpoint,
  type TableCounters,
} from './replication-checkpoint.repository.js'
import { ReplicationConnection } from './replication-connection.js'
import { prepareReplication, type ReplicationNames, replicationNames } from './replication-setup.js'
import { type StreamPosition, TransactionDecoder } from './transaction-decoder.js'

/** Progress of one table, with the connector's mode and the slot's confirmed position. */
export interface LogicalTableProgress extends CdcTableProgress {
  readonly mode: 'logical'
  readonly confirmedLsn: string
}

interface Streaming {
  readonly connection: ReplicationConnection
  readonly frames: AsyncIterator<ReplicationFrame>
  readonly decoder: TransactionDecoder
  readonly timer: NodeJS.Timeout
  next: Promise<IteratorResult<ReplicationFrame>> | null
}

const askEveryMs = 1000
const stallMs = 5000
const slotBusyCode = 'MOS-RPT-114'
const slotBusyAttempts = 40

/**
 * Change data capture by logical replication (pgoutput). Delivers the same `CdcChange`s as
 * the watermark connector (same keys, change times and columns), one table per batch and in
 * commit order per table; the checkpoint is the WAL position the sink acknowledged, stored in
 * the checkpoint database and then confirmed to the slot. docs/reporting.md states the
 * guarantee.
 */
export class LogicalConnector {
  /** Which connector this is (see `openCdcConnector`). */
  readonly mode = 'logical' as const
  readonly #source: CdcSource
  readonly #url: string
  readonly #options: LogicalConnectorOptions
  readonly #settings: LogicalSettings
  readonly #tables: ReadonlyMap<string, CapturedTable>
  readonly #names: ReplicationNames
  #checkpoint: ReplicationCheckpoint
  #version: number
  #dirty = false
  /** The acknowledged position as stored: the only one ever confirmed to the slot. */
  #confirmed: Lsn
  #streaming: Streaming | null = null
  readonly #window: ChangeWindow
  #counts: Record<string, number> = {}
  #queue: Promise<unknown> = Promise.resolve()
  #loop: PollLoop | undefined
  #closed = false
  #lastPollAt: Date | null = null
  #lastError: string | null = null

  private constructor(init: {
    source: CdcSource
    options: LogicalConnectorOptions
    settings: LogicalSettings
    tables: readonly CapturedTable[]
    names: ReplicationNames
    checkpoint: ReplicationCheckpoint
    version: number
  }) {
    this.#source = init.source
    this.#url = init.options.source.url
    this.#options = init.options
    this.#settings = init.settings
    this.#tables = new Map(init.tables.map((t) => [t.name, t]))
    this.#names = init.names
    this.#checkpoint = init.checkpoint
    this.#version = init.version
    this.#confirmed = init.checkpoint.ackedEndLsn
    this.#window = new ChangeWindow(init.settings.batchSize)
  }

  /**
   * Validates the options, checks the source allows logical replication (MOS-RPT-111 if not),
   * creates or aligns the publication, creates the slot if missing and loads the checkpoint.
   */
  static async open(options: LogicalConnectorOptions): Promise<LogicalConnector> {
    const settings = logicalSettingsSchema.safeParse(options)
    if (!settings.success) throw cdcErrors.invalidOptions(settings.error.message)
    const tables = validateCapture(options.source.name, options.tables)
    const names = replicationNames(options.source.name)
    const stored = await loadReplicationCheckpoint(options.checkpointDb, options.source.name)
    const source = await openCdcSource(options.source)
    try {
      const prepared = await prepareReplication(source.db, options.source.url, names, tables)
      let checkpoint = stored.checkpoint
      if (prepared.slotCreated) {
        options.log?.(`cdc ${options.source.name}: created replication slot ${names.slot}`)
        // A new slot streams from now: positions of an older slot mean nothing to it.
        checkpoint = { ...checkpoint, ackedCommitLsn: 0n, ackedEndLsn: 0n, partial: null }
      }
      if (prepared.needsSnapshot && settings.data.initialSnapshot) {
        // Rows that exist now come from a snapshot (copies of delivered versions are harmless).
        checkpoint = { ...checkpoint, snapshotDone: false }
      } else if (prepared.slotCreated) checkpoint = { ...checkpoint, snapshotDone: true }
      return new LogicalConnector({
        source,
        options,
        settings: settings.data,
        tables,
        names,
        checkpoint,
        version: stored.version,
      })
    } catch (error) {
      await source.close()
      throw error
    }
  }

  /**
   * Streams until every transaction committed before the call is delivered (the server's
   * flushed WAL position then); resolves to the row versions delivered per table. Rejects
   * with the first error, the checkpoint at the last acknowledged batch. Polls never overlap.
   */
  pollOnce(): Promise<Record<string, number>> {
    const run = this.#queue.then(() => this.#poll())
    this.#queue = run.catch(() => {})
    return run
  }

  /** Catches up in the background every `pollIntervalMs`, retrying after errors, until `stop`. */
  start(): void {
    if (this.#loop || this.#closed) return
    this.#loop = new PollLoop(
      () => this.pollOnce(),
      this.#settings.pollIntervalMs,
      this.#options.onError,
    )
    this.#loop.start()
  }

  /** Stops after the poll under way, closes the replication connection and the source. */
  async stop(): Promise<void> {
    if (this.#closed) return
    await this.#loop?.stop()
    await this.#queue
    this.#closed = true
    await this.#disconnect()
    await this.#source.close()
  }

  /** Per-table progress; `rowsDelivered` and `batchesDelivered` over the checkpoint's life. */
  progress(): LogicalTableProgress[] {
    const now = this.#options.now?.() ?? new Date()
    const { caughtUpTo, tables } = this.#checkpoint
    return [...this.#tables.keys()].map((table) => ({
      mode: 'logical',
      source: this.#source.name,
      table,
      watermark: tables[table]?.watermark ?? null,
      caughtUpTo,
      lagSeconds: caughtUpTo === null ? null : Math.max(0, secondsSince(caughtUpTo, now)),
      rowsDelivered: tables[table]?.rows ?? 0,
      batchesDelivered: tables[table]?.batches ?? 0,
      lastPollAt: this.#lastPollAt,
      lastError: this.#lastError,
      confirmedLsn: formatLsn(this.#confirmed),
    }))
  }

  async #poll(): Promise<Record<string, number>> {
    if (this.#closed) throw cdcErrors.stopped()
    this.#counts = Object.fromEntries([...this.#tables.keys()].map((t) => [t, 0]))
    try {
      if (!this.#checkpoint.snapshotDone) await this.#snapshot()
      const { lsn: target, now } = await sourcePosition(this.#source.db)
      if (this.#checkpoint.ackedEndLsn < target) await this.#streamWithRetry(target)
      this.#checkpoint = { ...this.#checkpoint, caughtUpTo: now }
      this.#dirty = true
      await this.#save()
      this.#lastError = null
      return this.#counts
    } catch (error) {
      this.#lastError = describeError(error)
      // The server resends everything after the confirmed position to the next connection.
      await this.#disconnect()
      throw error
    } finally {
      this.#lastPollAt = this.#options.now?.() ?? new Date()
    }
  }

  /** Copies the existing rows (the slot already exists, so later changes are not missed). */
  async #snapshot(): Promise<void> {
    await snapshotRows(
      this.#source.db,
      [...this.#tables.values()],
      this.#settings.batchSize,
      (t, c) => this.#deliver(t, c, null),
    )
    this.#checkpoint = { ...this.#checkpoint, snapshotDone: true }
    this.#dirty = true
    await this.#save()
    this.#options.log?.(`cdc ${this.#source.name}: initial snapshot delivered`)
  }

  /** The slot stays busy for a moment after a previous connection (or a killed process) ends. */
  async #streamWithRetry(target: Lsn): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#streamTo(target)
      } catch (error) {
        const busy = error instanceof AppError && error.code === slotBusyCode
        if (!busy || attempt >= slotBusyAttempts) throw error
        await this.#disconnect()
        await delay(500)
      }
    }
  }

  async #streamTo(target: Lsn): Promise<void> {
    const streaming = await this.#connect()
    const { connection, decoder } = streaming
    connection.sendStatus(this.#confirmed, true)
    // The flushed position can stop inside a record (the WAL writer flushes whole pages), which
    // the server cannot decode until the record's end is flushed: after `stallMs` without any
    // progress outside a transaction, everything decodable before the target has arrived.
    let progress = { at: -1n, time: Date.now() }
    while (
      decoder.inTransaction ||
      (decoder.position() < target && Date.now() - progress.time < stallMs)
    ) {
      streaming.next ??= streaming.frames.next()
      const result = await withTimeout(streaming.next, askEveryMs)
      if (result === undefined) {
        // Nothing arrived: ask the server how far it has sent (it answers with a keepalive).
        connection.sendStatus(this.#confirmed, true)
        continue
      }
      streaming.next = null
      if (result.done) throw logicalErrors.replication('the server ended the stream')
      const frame = result.value
      if (frame.type === 'keepalive') {
        decoder.serverAt(frame.walEnd)
        if (frame.walEnd !== progress.at) progress = { at: frame.walEnd, time: Date.now() }
        if (!decoder.inTransaction) await this.#idle(decoder)
        if (frame.replyRequested) connection.sendStatus(this.#confirmed)
        continue
      }
      progress = { at: progress.at, time: Date.now() }
      const event = decoder.apply(parsePgOutput(frame.message))
      if (event.type === 'change') {
        this.#window.add(event.decoded, decoder.received())
        if (this.#window.full) await this.#flush()
      } else if (event.type === 'commit') {
        if (this.#window.size > 0) this.#window.cover(decoder.received())
        else this.#advance(decoder.received())
      }
    }
    await this.#idle(decoder)
    await this.#save()
    connection.sendStatus(this.#confirmed)
  }

  /** Between transactions: deliver what is pending, then everything received is acknowledged. */
  async #idle(decoder: TransactionDecoder): Promise<void> {
    if (this.#window.size > 0) {
      this.#window.cover(decoder.received())
      await this.#flush()
    } else this.#advance(decoder.received())
  }

  #advance(position: StreamPosition): void {
    const c = this.#checkpoint
    const same =
      position.ackedEndLsn === c.ackedEndLsn &&
      position.ackedCommitLsn === c.ackedCommitLsn &&
      position.partial?.commitLsn === c.partial?.commitLsn &&
      position.partial?.changes === c.partial?.changes
    if (same) return
    this.#checkpoint = { ...c, ...position }
    this.#dirty = true
  }

  /** Delivers the window's batches; the checkpoint moves to its position with the last one. */
  async #flush(): Promise<void> {
    const taken = this.#window.take()
    if (taken === null) return
    const { batches, position } = taken
    for (const [i, batch] of batches.entries()) {
      const changes = await fillUnchanged(this.#source.db, this.#tables, batch.changes)
      await this.#deliver(batch.table, changes, i === batches.length - 1 ? position : null)
    }
    this.#streaming?.connection.sendStatus(this.#confirmed)
  }

  /** Hands a batch to the sink, then stores the checkpoint (with `position`, if streaming). */
  async #deliver(
    table: string,
    changes: readonly CdcChange[],
    position: StreamPosition | null,
  ): Promise<void> {
    await this.#options.sink({ source: this.#source.name, table, changes })
    const c = this.#checkpoint
    const before: TableCounters = c.tables[table] ?? { rows: 0, batches: 0, watermark: null }
    const newest = changes.reduce((max, ch) => (ch.changeTime > max ? ch.changeTime : max), '')
    const counters: TableCounters = {
      rows: before.rows + changes.length,
      batches: before.batches + 1,
      watermark: before.watermark !== null && before.watermark > newest ? before.watermark : newest,
    }
    this.#checkpoint = {
      ...c,
      ...(position ?? {}),
      rowsDelivered: c.rowsDelivered + changes.length,
      batchesDelivered: c.batchesDelivered + 1,
      tables: { ...c.tables, [table]: counters },
    }
    this.#dirty = true
    this.#counts[table] = (this.#counts[table] ?? 0) + changes.length
    await this.#save()
  }

  async #save(): Promise<void> {
    if (!this.#dirty && this.#version > 0) return
    const saving = this.#checkpoint
    this.#version = await saveReplicationCheckpoint(
      this.#options.checkpointDb,
      this.#source.name,
      this.#names.slot,
      this.#version,
      saving,
    )
    this.#dirty = this.#checkpoint !== saving
    this.#confirmed = saving.ackedEndLsn
  }

  async #connect(): Promise<Streaming> {
    if (this.#streaming) return this.#streaming
    const c = this.#checkpoint
    const connection = await ReplicationConnection.open(this.#url)
    const frames = connection.start(this.#names.slot, this.#names.publication, c.ackedEndLsn)
    const timer = setInterval(
      () => connection.sendStatus(this.#confirmed),
      this.#settings.statusIntervalMs,
    )
    timer.unref()
    const decoder = new TransactionDecoder([...this.#tables.values()], c)
    this.#streaming = { connection, frames, decoder, timer, next: null }
    return this.#streaming
  }

  async #disconnect(): Promise<void> {
    const streaming = this.#streaming
    this.#streaming = null
    this.#window.clear()
    if (!streaming) return
    clearInterval(streaming.timer)
    streaming.next?.catch(() => {})
    await streaming.connection.close()
  }
}
