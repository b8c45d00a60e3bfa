import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { lakeErrors } from './lake-errors.js'

/**
 * One in-memory DuckDB and its one connection, used by one call at a time (a connection runs
 * one statement at a time, and the lake's calls are multi-statement). `close` waits for the
 * call under way; later calls fail with MOS-LAKE-006.
 */
export class DuckDbSession {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly role: 'reader' | 'writer',
  ) {}

  /** Starts DuckDB with `config`, then runs `setup` on the connection (closing all if it fails). */
  static async open(
    role: 'reader' | 'writer',
    config: Record<string, string> = {},
    setup: (connection: DuckDBConnection) => Promise<void> = async () => {},
  ): Promise<DuckDbSession> {
    const instance = await DuckDBInstance.create(':memory:', config)
    const connection = await instance.connect()
    try {
      await setup(connection)
    } catch (error) {
      connection.closeSync()
      instance.closeSync()
      throw error
    }
    return new DuckDbSession(instance, connection, role)
  }

  /** Runs `operation` after every earlier one has ended. */
  serial<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(lakeErrors.closed(this.role))
    const run = this.tail.then(operation)
    this.tail = run.catch(() => undefined)
    return run
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.tail
    this.connection.closeSync()
    this.instance.closeSync()
  }
}
