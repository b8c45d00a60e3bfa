import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { copyTextRow } from './copy-text.js'
import { createTestDatabase, testBackends, type TestDatabase } from './test-database.js'

describe.each(testBackends)('bulk load (COPY) on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('loads every value type as written, special characters and nulls included', async () => {
    database = await createTestDatabase(backend, [])
    const { db } = database
    await sql`create schema probe`.execute(db)
    await sql`create table probe."Odd table" (id int, "Name" text, at timestamp, day date,
      ok boolean, bytes bytea, doc jsonb)`.execute(db)
    const rows = [
      [
        1,
        'tab\there, new\nline, back\\slash',
        new Date('2026-03-01T23:59:59.123Z'),
        new Date('2026-03-01T00:00:00Z'),
        true,
        Buffer.from([0, 255]),
        '{"a":[1,"x"]}',
      ],
      [2, null, null, null, null, null, null],
    ] as const
    await database.copyIn([
      {
        table: 'probe.Odd table',
        columns: ['id', 'Name', 'at', 'day', 'ok', 'bytes', 'doc'],
        text: rows.map(copyTextRow).join(''),
      },
    ])
    const { rows: back } = await sql<Record<string, unknown>>`select id, "Name" as name,
      to_char(at, 'YYYY-MM-DD HH24:MI:SS.MS') as at, day::text as day, ok, bytes, doc
      from probe."Odd table" order by id`.execute(db)
    expect(back[0]).toMatchObject({
      id: 1,
      name: 'tab\there, new\nline, back\\slash',
      at: '2026-03-01 23:59:59.123',
      day: '2026-03-01',
      ok: true,
      doc: { a: [1, 'x'] },
    })
    expect(Buffer.from(back[0]?.bytes as Uint8Array)).toEqual(Buffer.from([0, 255]))
    expect(back[1]).toEqual({
      id: 2,
      name: null,
      at: null,
      day: null,
      ok: null,
      bytes: null,
      doc: null,
    })
  })

  it('loads all tables or none, and stays usable after a malformed load', async () => {
    database = await createTestDatabase(backend, [])
    const { db } = database
    await sql`create table public.probe (id int not null)`.execute(db)
    await sql`create table public.other (id int not null)`.execute(db)
    const load = (table: string, text: string) => ({ table, columns: ['id'], text })
    await expect(
      database.copyIn([load('public.other', '1\n2\n'), load('public.probe', '1\nnot-a-number\n')]),
    ).rejects.toThrow()
    await database.copyIn([load('public.probe', '3\n')])
    const ids = async (table: string) =>
      (await sql<{ id: number }>`select id from ${sql.table(table)}`.execute(db)).rows
    expect(await ids('public.probe')).toEqual([{ id: 3 }])
    expect(await ids('public.other')).toEqual([])
  })
})
