import { afterEach, describe, expect, it } from 'vitest'
import { type Generated, sql } from 'kysely'
import { createTestDatabase, testBackends, type TestDatabase } from './test-database.js'
import type { MigrationHistory } from './migrations.js'

const history: MigrationHistory = {
  schema: 'dbtest',
  migrations: {
    '0001_create_thing': {
      async up(db) {
        await db.schema
          .createTable('dbtest.thing')
          .addColumn('id', 'bigserial', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('day', 'date')
          .addColumn('at', 'timestamp')
          .addColumn('at_tz', 'timestamptz')
          .addColumn('amount', 'numeric')
          .addColumn('doc', 'jsonb')
          .execute()
      },
    },
  },
}

type ThingTables = {
  'dbtest.thing': {
    id: Generated<number>
    name: string
    day: string | null
    at: Date | null
    at_tz: Date | null
    amount: string | null
    doc: unknown
  }
}

describe.each(testBackends)('database on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('parses every type the same way on both backends', async () => {
    database = await createTestDatabase(backend, [history])
    const db = database.db.withTables<ThingTables>()
    const at = new Date('2026-03-01T23:30:00.000Z')
    await db
      .insertInto('dbtest.thing')
      .values({
        name: 'a',
        day: '2026-03-01',
        at,
        at_tz: at,
        amount: '12.50',
        doc: JSON.stringify({ k: [1] }),
      })
      .execute()
    const row = await db.selectFrom('dbtest.thing').selectAll().executeTakeFirstOrThrow()
    expect(row).toEqual({
      id: 1,
      name: 'a',
      day: '2026-03-01',
      at,
      at_tz: at,
      amount: '12.50',
      doc: { k: [1] },
    })
    const { rows } = await sql<{ n: number }>`select count(*) as n from dbtest.thing`.execute(db)
    expect(rows[0]?.n).toBe(1)
  })

  it('gives each test its own database', async () => {
    database = await createTestDatabase(backend, [history])
    const db = database.db.withTables<ThingTables>()
    const rows = await db.selectFrom('dbtest.thing').selectAll().execute()
    expect(rows).toEqual([])
  })

  it('keeps a transaction isolated from concurrent queries and rolls back on error', async () => {
    database = await createTestDatabase(backend, [history])
    const db = database.db.withTables<ThingTables>()
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('dbtest.thing').values({ name: 'in-tx', doc: null }).execute()
      throw new Error('abort')
    })
    const outside = db.insertInto('dbtest.thing').values({ name: 'outside', doc: null }).execute()
    await expect(failing).rejects.toThrow('abort')
    await outside
    const names = (await db.selectFrom('dbtest.thing').select('name').execute()).map((r) => r.name)
    expect(names).toEqual(['outside'])
  })

  it('delivers NOTIFY payloads to listeners', async () => {
    database = await createTestDatabase(backend, [history])
    const received: string[] = []
    const stop = await database.listen('dbtest_channel', (payload) => received.push(payload))
    await sql`select pg_notify('dbtest_channel', 'hello')`.execute(database.db)
    await expect.poll(() => received).toEqual(['hello'])
    await stop()
  })
})

describe('PGlite test databases', () => {
  it('start with small shared buffers (each start zeroes them)', async () => {
    const database = await createTestDatabase('pglite', [history])
    try {
      const { rows } = await sql<{
        shared_buffers: string
      }>`show shared_buffers`.execute(database.db)
      expect(rows[0]?.shared_buffers).toBe('16MB')
    } finally {
      await database.drop()
    }
  })
})
