import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { busMigrations } from './bus.migrations.js'
import { createCloudEvent } from './cloud-event.js'
import { ensureConsumer } from './consumer-cursor.repository.js'
import { describeEventBusContract } from './event-bus.contract.js'
import { insertEvents, readReadyEvents } from './outbox.repository.js'
import { purgeOutboxEvents } from './outbox-purge.js'
import { origin, type Position } from './position.js'
import { prepareEvents } from './prepare-events.js'
import { openTestBus, outboxHarness, testBusSettings } from './test-bus.js'

for (const backend of testBackends) {
  describeEventBusContract(`outbox on ${backend}`, () => outboxHarness(backend))
}

describe.each(testBackends)('outbox retention purge on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('removes old events that every known consumer has passed, and nothing else', async () => {
    database = await createTestDatabase(backend, [busMigrations])
    const db = database.db
    for (const n of [1, 2, 3, 4]) {
      const event = createCloudEvent({ type: 'org.mosaic.test', source: '/test', data: { n } })
      await insertEvents(db, 'bus.event', prepareEvents([{ topic: 'p.t', event }]))
    }
    const stored = async () => (await readReadyEvents(db, 'bus.event', origin, 10, null)).events
    await expect.poll(async () => (await stored()).length).toBe(4)
    const [, second, third, fourth] = await stored()
    const moveCursor = async (name: string, to: Position) => {
      await ensureConsumer(db, name)
      await sql`update bus.consumer set cursor_xid = ${to.xid}::xid8, cursor_seq = ${to.seq} where name = ${name}`.execute(
        db,
      )
    }
    await sql`update bus.event set published_at = now() - interval '10 days' where seq <= ${third!.position.seq}`.execute(
      db,
    )
    await moveCursor('ahead', fourth!.position)
    await moveCursor('behind', second!.position)

    expect(await purgeOutboxEvents(db, { olderThanDays: 7 })).toBe(2)
    expect((await stored()).map((s) => s.position)).toEqual([third!.position, fourth!.position])

    await moveCursor('behind', fourth!.position)
    expect(await purgeOutboxEvents(db, { olderThanDays: 7, chunkSize: 1 })).toBe(1)
    expect((await stored()).map((s) => s.position)).toEqual([fourth!.position])
  })

  it('applies bus.retentionDays by itself', async () => {
    database = await createTestDatabase(backend, [busMigrations])
    const event = createCloudEvent({ type: 'org.mosaic.test', source: '/test', data: 1 })
    await insertEvents(database.db, 'bus.event', prepareEvents([{ topic: 'p.t', event }]))
    await sql`update bus.event set published_at = now() - interval '8 days'`.execute(database.db)
    expect(testBusSettings().bus.retentionDays).toBe(7)
    const bus = await openTestBus(database)
    try {
      const count = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from bus.event`.execute(database.db))
          .rows[0]?.n
      await expect.poll(count, { timeout: 10_000 }).toBe(0)
    } finally {
      await bus.close()
    }
  })
})

// A fresh PGlite database is a few hundred transactions below xid 1000; PostgreSQL may be far
// from its next power of ten, so the boundary is only crossed (cheaply) on PGlite.
describe.skipIf(!testBackends.includes('pglite'))(
  'outbox order across transaction id lengths',
  () => {
    let database: TestDatabase
    afterEach(async () => database?.drop())

    it('orders by xid as a number, not as text (999 before 1000)', async () => {
      database = await createTestDatabase('pglite', [busMigrations])
      const db = database.db
      const xid = async () =>
        (await sql<{ x: string }>`select pg_current_xact_id()::text as x`.execute(db)).rows[0]!.x
      const bus = await openTestBus(database)
      try {
        const publish = (n: number) =>
          bus.publish([
            { topic: 'x.t', event: createCloudEvent({ type: 't', source: '/t', data: n }) },
          ])
        await publish(1)
        const start = await xid()
        let burnt = 0
        while ((await xid()).length === start.length) expect(++burnt).toBeLessThan(100_000)
        await publish(2)
        await publish(3)
        const received: unknown[] = []
        await bus.subscribe({
          consumer: 'digits',
          topics: ['x.t'],
          handler: (event) => void received.push(event.data),
        })
        await expect.poll(() => received, { timeout: 10_000 }).toEqual([1, 2, 3])
      } finally {
        await bus.close()
      }
    })
  },
)
