import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Backend, type Database, openDatabase } from './open-database.js'
import { migrate, type MigrationHistory } from './migrations.js'
import { quoteIdentifier } from './quote-identifier.js'

/** A fresh, migrated database for one test; `drop` closes and deletes it. */
export interface TestDatabase extends Database {
  /** Connection string, for PostgreSQL test databases (other processes can open it). */
  readonly url?: string
  drop(): Promise<void>
}

/** PostgreSQL server the tests use; its `postgres` database is only used to create others. */
export const testPostgresUrl =
  process.env.MOSAIC_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Backends the tests run on: both unless MOSAIC_TEST_BACKENDS narrows it (e.g. "pglite"). */
export const testBackends: Backend[] = (process.env.MOSAIC_TEST_BACKENDS ?? 'pglite,postgres')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is Backend => name === 'pglite' || name === 'postgres')

const pgliteTemplates = new Map<string, Promise<Blob>>()

/**
 * Creates a fresh database with `histories` migrated. Migrating is done once per set of
 * migrations (a PGlite dump, or a PostgreSQL template database) and copied for each test.
 */
export async function createTestDatabase(
  backend: Backend,
  histories: readonly MigrationHistory[],
): Promise<TestDatabase> {
  const key = fingerprint(histories)
  if (backend === 'pglite') {
    let template = pgliteTemplates.get(key)
    if (!template) {
      template = buildPgliteTemplate(histories)
      pgliteTemplates.set(key, template)
    }
    const database = await openDatabase({ loadDataDir: await template, sharedBuffers: '16MB' })
    return { ...database, drop: () => database.close() }
  }
  const templateName = await ensurePostgresTemplate(key, histories)
  const name = `mosaic_t_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) =>
    admin.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateName)}`,
    ),
  )
  const url = databaseUrl(name)
  const database = await openDatabase({ url, poolMax: 5 })
  return {
    ...database,
    url,
    async drop() {
      await database.close()
      await withAdmin((admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      )
    },
  }
}

async function buildPgliteTemplate(histories: readonly MigrationHistory[]): Promise<Blob> {
  const database = await openDatabase({})
  try {
    await migrate(database.db, histories)
    if (!database.dumpDataDir) throw new Error('PGlite database without dumpDataDir')
    return await database.dumpDataDir()
  } finally {
    await database.close()
  }
}

async function ensurePostgresTemplate(
  key: string,
  histories: readonly MigrationHistory[],
): Promise<string> {
  const name = `mosaic_tpl_${key}`
  await withAdmin(async (admin) => {
    // Test files run in parallel workers; one builds the template while the others wait.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (rowCount) return
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
      const database = await openDatabase({ url: databaseUrl(name), poolMax: 1 })
      try {
        await migrate(database.db, histories)
      } finally {
        await database.close()
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
    }
  })
  return name
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testPostgresUrl })
  try {
    await admin.connect()
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testPostgresUrl} (${(error as Error).message}). ` +
        'Start it (see .ci/run), set MOSAIC_TEST_DATABASE_URL, or run with MOSAIC_TEST_BACKENDS=pglite.',
    )
  }
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

function databaseUrl(name: string): string {
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Changes whenever a migration is added or its code changes, so stale templates are never reused. */
function fingerprint(histories: readonly MigrationHistory[]): string {
  const hash = createHash('sha256')
  for (const history of histories) {
    hash.update(history.schema)
    for (const [name, migration] of Object.entries(history.migrations)) {
      hash
        .update(name)
        .update(String(migration.up))
        .update(String(migration.down ?? ''))
    }
  }
  return hash.digest('hex').slice(0, 16)
}
