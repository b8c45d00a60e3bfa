import { type Kysely, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { busMigrations } from './bus.migrations.js'
import { createCloudEvent } from './cloud-event.js'
import { insertEvents, readReadyEvents, type StoredEvent } from './outbox.repository.js'
import { origin } from './position.js'
import { prepareEvents } from './prepare-events.js'
import { openTestBus } from './test-bus.js'

const numbered = (n: number) =>
  prepareEvents([
    {
      topic: 'o.t',
      event: createCloudEvent({ type: 'org.mosaic.test', source: '/test', data: { n } }),
    },
  ])
const ns = (events: StoredEvent[]) =>
  events.map((stored) => (stored.event as { data: { n: number } }).data.n)

const poll = { timeout: 10_000, interval: 20 }
const ready = async (db: Kysely<object>) =>
  (await readReadyEvents(db, 'bus.event', origin, 10, null)).events

function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

// Concurrent transactions need PostgreSQL: PGlite runs one transaction at a time.
describe.skipIf(!testBackends.includes('postgres'))(
  'outbox reads in commit-safe order on PostgreSQL',
  () => {
    let database: TestDatabase
    afterEach(async () => database?.drop())

    /** T1 inserts and stays open while `during` runs; returns once T1 committed. */
    async function withOpenTransaction(first: number, during: () => Promise<void>): Promise<void> {
      const inserted = gate()
      const commit = gate()
      const t1 = database.db.transaction().execute(async (trx) => {
        await insertEvents(trx, 'bus.event', numbered(first))
        inserted.open()
        await commit.opened
      })
      await inserted.opened
      try {
        await during()
      } finally {
        commit.open()
        await t1
      }
    }

    it("never passes an open transaction's event: T1 gets seq 1 and stays open, T2 gets seq 2 and commits", async () => {
      database = await createTestDatabase('postgres', [busMigrations])
      const db = database.db
      await withOpenTransaction(1, async () => {
        await db.transaction().execute((trx) => insertEvents(trx, 'bus.event', numbered(2)))
        // The trap: by seq alone, event 2 is readable now and a seq cursor would pass event 1.
        const bySeq = await sql<{
          n: string
        }>`select event->'data'->>'n' as n from bus.event order by seq`.execute(db)
        expect(bySeq.rows.map((row) => row.n)).toEqual(['2'])
        // The xid rule: nothing is ready while an older transaction runs; the reader is told to wait.
        const whileOpen = await readReadyEvents(db, 'bus.event', origin, 10, null)
        expect(whileOpen).toEqual({ events: [], waiting: true })
      })
      // Ready once every older transaction in the cluster has ended (tests run in parallel).
      await expect.poll(async () => ns(await ready(db)), poll).toEqual([1, 2])
      const [first, second] = await ready(db)
      expect(first!.position.seq).toBeLessThan(second!.position.seq)
    })

    it('orders by transaction id when the transaction with the lower id inserts last', async () => {
      database = await createTestDatabase('postgres', [busMigrations])
      const db = database.db
      const xidTaken = gate()
      const t2Commit = gate()
      // T2 takes its transaction id first, inserts after T1 (higher seq) and commits last.
      const t2 = db.transaction().execute(async (trx) => {
        await sql`select pg_current_xact_id()`.execute(trx)
        xidTaken.open()
        await t2Commit.opened
        await insertEvents(trx, 'bus.event', numbered(2))
      })
      await xidTaken.opened
      await db.transaction().execute((trx) => insertEvents(trx, 'bus.event', numbered(1)))
      expect((await readReadyEvents(db, 'bus.event', origin, 10, null)).events).toEqual([])
      t2Commit.open()
      await t2
      await expect.poll(async () => ns(await ready(db)), poll).toEqual([2, 1])
      const [first, second] = await ready(db)
      expect(first!.position.seq).toBeGreaterThan(second!.position.seq)
    })

    it('delivers every event of interleaved transactions to a subscriber, none skipped', async () => {
      database = await createTestDatabase('postgres', [busMigrations])
      const bus = await openTestBus(database)
      try {
        const received: number[] = []
        await bus.subscribe({
          consumer: 'interleaved',
          topics: ['o.t'],
          handler: (event) => void received.push((event.data as { n: number }).n),
        })
        await withOpenTransaction(1, async () => {
          await database.db
            .transaction()
            .execute((trx) => insertEvents(trx, 'bus.event', numbered(2)))
          await bus.publish([
            { topic: 'o.t', event: createCloudEvent({ type: 't', source: '/t', data: { n: 3 } }) },
          ])
        })
        await expect.poll(() => received, poll).toEqual([1, 2, 3])
      } finally {
        await bus.close()
      }
    })
  },
)
