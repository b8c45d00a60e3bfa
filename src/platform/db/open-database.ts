import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { copyIntoPglite, copyIntoPostgres, type CopyLoad } from './copy-in.js'
import { pgliteDialect } from './pglite-dialect.js'
import { typeParsers } from './type-parsers.js'
import { ensurePostgresDatabase } from './ensure-postgres-database.js'
import { lockDataDir } from './data-dir-lock.js'
import { quoteIdentifier } from './quote-identifier.js'

export type Backend = 'pglite' | 'postgres'

/** The untyped handle; each component narrows it with `db.withTables<ItsTables>()`. */
export type Db = Kysely<object>

/** An open database: the Kysely handle plus what Kysely does not cover (notifications). */
export interface Database {
  readonly db: Db
  readonly backend: Backend
  /** Calls `onPayload` for every NOTIFY on `channel`; resolves to a function that stops it. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  /**
   * Bulk load, all in one transaction: each load's rows (PostgreSQL's COPY text format) into its
   * table. Several times faster than INSERT for millions of rows.
   */
  copyIn(loads: readonly CopyLoad[]): Promise<void>
  /** PGlite only: the whole data folder as a tarball (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite. */
  url?: string
  /** PGlite data folder; omitted = in memory. */
  dataDir?: string
  /** PGlite start state (a dump from `dumpDataDir`), for fast test databases. */
  loadDataDir?: Blob
  /**
   * PGlite's shared_buffers (default its own, 128MB). Every start zeroes them: a small test
   * database with 16MB starts in about half the time.
   */
  sharedBuffers?: `${number}MB`
  poolMax?: number
  /** PostgreSQL: create the database when it does not exist (default). Off for databases
   * Mosaic only reads, such as a MOSIP installation's, where a typo must fail, not create. */
  createIfMissing?: boolean
}

pg.defaults.parseInputDatesAsUTC = true

/**
 * Opens PostgreSQL (creating the database when it does not exist) or PGlite, with the same
 * type parsing and UTC session time zone on both.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.url
    ? await openPostgres(options.url, options.poolMax ?? 10, options.createIfMissing ?? true)
    : await openPglite(options)
  // Closing twice is harmless, so owners and test helpers need not coordinate.
  let closing: Promise<void> | undefined
  return { ...database, close: () => (closing ??= database.close()) }
}

async function openPostgres(
  url: string,
  poolMax: number,
  createIfMissing: boolean,
): Promise<Database> {
  if (createIfMissing) await ensurePostgresDatabase(url)
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      typeParsers[oid] ?? pg.types.getTypeParser(oid, format),
  } as pg.CustomTypesConfig
  const clientConfig = { connectionString: url, options: '-c TimeZone=UTC', types }
  const pool = new pg.Pool({ ...clientConfig, max: poolMax })
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  const listeners = new Set<pg.Client>()
  return {
    db: new Kysely<object>({ dialect: new PostgresDialect({ pool }) }),
    backend: 'postgres',
    copyIn: (loads) => copyIntoPostgres(pool, loads),
    async listen(channel, onPayload) {
      const client = new pg.Client(clientConfig)
      client.on('error', () => {})
      await client.connect()
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '')
      })
      await client.query(`LISTEN ${quoteIdentifier(channel)}`)
      listeners.add(client)
      return async () => {
        listeners.delete(client)
        await client.end().catch(() => {})
      }
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})))
      await pool.end()
    },
  }
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {}
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      ...(options.dataDir && { dataDir: options.dataDir }),
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
      ...(options.sharedBuffers && {
        startParams: [
          ...PGlite.defaultStartParams,
          '-c',
          `shared_buffers=${options.sharedBuffers}`,
        ],
      }),
      parsers: typeParsers,
    })
    await pglite.exec(`SET TimeZone = 'UTC'`)
  } catch (error) {
    unlock()
    throw error
  }
  const db = new Kysely<object>({ dialect: pgliteDialect(pglite) })
  return {
    db,
    backend: 'pglite',
    // Through the driver, so that the load waits its turn on PGlite's single connection.
    copyIn: (loads) => db.connection().execute(() => copyIntoPglite(pglite, loads)),
    listen: async (channel, onPayload) => {
      const stop = await pglite.listen(channel, onPayload)
      return () => stop()
    },
    // Taken through the driver so that no transaction is half-way when the files are read.
    dumpDataDir: () => db.connection().execute(() => pglite.dumpDataDir('none')),
    async close() {
      await db.destroy()
      await pglite.close()
      unlock()
    },
  }
}
