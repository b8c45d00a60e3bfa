import type { Duplex } from 'node:stream'
import pg from 'pg'
import { AppError } from '../../../platform/errors.js'
import { both } from 'pg-copy-streams'
import { logicalErrors } from './logical-errors.js'
import {
  formatLsn,
  type Lsn,
  parseFrame,
  type ReplicationFrame,
  standbyStatus,
} from './pgoutput-messages.js'

// pg-copy-streams 7 ships `both` (COPY BOTH, which START_REPLICATION uses) but its published
// types predate it.
declare module 'pg-copy-streams' {
  export function both(
    text: string,
    options?: { alignOnCopyDataFrame?: boolean; readableObjectMode?: boolean },
  ): Duplex & pg.Submittable
}

/** PostgreSQL's SQLSTATE for "replication slot … is active for PID …". */
const objectInUse = '55006'

/**
 * Our pgoutput client: one replication connection (`replication=database`) of node-postgres.
 * Replication connections accept only the simple query protocol, so identifiers are validated
 * by the caller and inlined.
 */
export class ReplicationConnection {
  readonly #client: pg.Client
  #stream: (Duplex & pg.Submittable) | undefined
  #closed = false

  private constructor(client: pg.Client) {
    this.#client = client
  }

  /** Connects in replication mode; the session uses ISO dates in UTC (the values are text). */
  static async open(url: string): Promise<ReplicationConnection> {
    const config: pg.ClientConfig & { replication: string } = {
      connectionString: url,
      replication: 'database',
      options: '-c DateStyle=ISO -c TimeZone=UTC -c extra_float_digits=3',
    }
    const client = new pg.Client(config)
    const connection = new ReplicationConnection(client)
    // A lost server must end the stream with an error, not crash the process.
    client.on('error', (error) => connection.#stream?.destroy(error))
    client.on('end', () =>
      connection.#stream?.destroy(logicalErrors.replication('connection ended')),
    )
    try {
      await client.connect()
    } catch (error) {
      throw logicalErrors.replication('cannot connect', error)
    }
    return connection
  }

  /**
   * Creates the logical slot with pgoutput unless it exists; true if it was created. A slot of
   * that name for another database or plugin is refused (slot names are per cluster).
   */
  async ensureSlot(slot: string): Promise<boolean> {
    const found = await this.#client.query<{ mine: boolean }>(
      `SELECT database = current_database() AND plugin = 'pgoutput' AS mine
       FROM pg_replication_slots WHERE slot_name = '${slot}'`,
    )
    const existing = found.rows[0]
    if (existing?.mine === false) throw logicalErrors.foreignSlot(slot)
    if (existing) return false
    await this.#client.query(`CREATE_REPLICATION_SLOT "${slot}" LOGICAL pgoutput NOEXPORT_SNAPSHOT`)
    return true
  }

  /**
   * Starts streaming `slot` from `from` (the server starts at the slot's confirmed position if
   * that is later) and returns its frames. Ends when the connection does; `close` ends it.
   */
  start(slot: string, publication: string, from: Lsn): AsyncIterator<ReplicationFrame> {
    const stream = both(
      `START_REPLICATION SLOT "${slot}" LOGICAL ${formatLsn(from)} ` +
        `(proto_version '1', publication_names '"${publication}"')`,
      // One chunk per CopyData frame, never merged by the stream's buffer.
      { alignOnCopyDataFrame: true, readableObjectMode: true },
    )
    this.#stream = stream
    this.#client.query(stream)
    return this.#frames(stream, slot)
  }

  async *#frames(stream: Duplex, slot: string): AsyncGenerator<ReplicationFrame> {
    try {
      for await (const chunk of stream) {
        if (!Buffer.isBuffer(chunk)) continue
        yield parseFrame(chunk)
      }
    } catch (error) {
      if (this.#closed) return
      if (error instanceof Error && 'code' in error && error.code === objectInUse) {
        throw logicalErrors.slotBusy(slot, error)
      }
      if (error instanceof AppError) throw error
      throw logicalErrors.replication(
        error instanceof Error ? error.message : 'stream error',
        error,
      )
    }
  }

  /** Confirms `lsn` to the server (write = flush = apply): the slot may discard WAL before it. */
  sendStatus(lsn: Lsn, replyRequested = false): void {
    if (this.#closed || !this.#stream || this.#stream.destroyed) return
    this.#stream.write(standbyStatus(lsn, new Date(), replyRequested))
  }

  /** Ends the connection (Terminate ends the walsender and releases the slot). */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const ended = this.#client.end().catch(() => {})
    const timer = setTimeout(() => this.#client.connection.stream.destroy(), 5000)
    await ended
    clearTimeout(timer)
  }
}
