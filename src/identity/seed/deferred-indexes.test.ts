import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import { rebuildDeferredIndexes, withIndexesDeferred } from './deferred-indexes.js'
import { seedHistory } from './seed.migrations.js'

describe.each(testBackends)('deferred indexes on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  const open = async () => {
    database = await createTestDatabase(backend, [seedHistory])
    const { db } = database
    await sql`create table seed.probe (id int primary key, code text unique, a int, b int)`.execute(
      db,
    )
    await sql`create index idx_probe_a on seed.probe (a)`.execute(db)
    await sql`create index idx_probe_ab on seed.probe (a, b desc) where b > 0`.execute(db)
    return db
  }
  const indexes = async () =>
    (
      await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
        where schemaname = 'seed' and tablename = 'probe' order by 1`.execute(database.db)
    ).rows

  it('drops only plain secondary indexes while loading and rebuilds them as they were', async () => {
    const db = await open()
    const before = await indexes()
    const during = await withIndexesDeferred(db, ['seed.probe'], async () => {
      await sql`insert into seed.probe select g, 'c' || g, g % 7, g from generate_series(1, 500) g`.execute(
        db,
      )
      return indexes()
    })
    expect(during.map((i) => i.indexname)).toEqual(['probe_code_key', 'probe_pkey'])
    expect(await indexes()).toEqual(before)
    const { rows } = await sql<{
      n: string
    }>`select count(*) as n from seed.deferred_index`.execute(db)
    expect(Number(rows[0]?.n)).toBe(0)
  })

  it('rebuilds them when the load fails, and reports the load error', async () => {
    const db = await open()
    const before = await indexes()
    await expect(
      withIndexesDeferred(db, ['seed.probe'], () => Promise.reject(new Error('load broke'))),
    ).rejects.toThrow('load broke')
    expect(await indexes()).toEqual(before)
  })

  it('rebuilds what a killed run left, with progress', async () => {
    const db = await open()
    const before = await indexes()
    // What a run killed mid-load leaves: definitions stored, indexes gone.
    await sql`insert into seed.deferred_index select indexname, indexdef from pg_indexes
      where schemaname = 'seed' and indexname like 'idx_probe%'`.execute(db)
    await sql`drop index seed.idx_probe_a, seed.idx_probe_ab`.execute(db)
    const seen: string[] = []
    expect(await rebuildDeferredIndexes(db, (done, total) => seen.push(`${done}/${total}`))).toBe(2)
    expect(seen).toEqual(['0/2', '1/2', '2/2'])
    expect(await indexes()).toEqual(before)
    expect(await rebuildDeferredIndexes(db)).toBe(0)
  })
})
