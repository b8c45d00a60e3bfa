import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { createCloudEvent } from './cloud-event.js'
import { listDeadLetters } from './dead-letter.repository.js'
import { describeEventBusContract } from './event-bus.contract.js'
import { type BusHarness, jetstreamHarness, testNatsUrl } from './test-bus.js'

// The database only holds dead letters and the relay table here; PostgreSQL starts fastest.
const backend = testBackends.includes('postgres') ? 'postgres' : 'pglite'

describeEventBusContract('JetStream', () => jetstreamHarness(backend))

describe('JetStream specifics', () => {
  let harness: BusHarness
  beforeEach(async () => {
    harness = await jetstreamHarness(backend)
  })
  afterEach(async () => harness?.cleanup())
  const poll = { timeout: 20_000, interval: 20 }
  const numbered = (n: number) =>
    createCloudEvent({ type: 'org.mosaic.test', source: '/test', data: { n } })

  it('drops a relay re-send of an event already forwarded (crash before the row was deleted)', async () => {
    const bus = await harness.open()
    const seen: number[] = []
    await bus.subscribe({
      consumer: 'once',
      topics: ['r.*'],
      handler: (event) => void seen.push((event.data as { n: number }).n),
    })
    const first = numbered(1)
    await harness.database.db
      .transaction()
      .execute((trx) => bus.publish([{ topic: 'r.x', event: first }], { trx }))
    await expect.poll(() => seen, poll).toEqual([1])
    // As if the relay had died after the stream's ack but before deleting the row.
    await sql`insert into bus.relay_event (topic, event) values ('r.x', ${JSON.stringify(first)}::jsonb)`.execute(
      harness.database.db,
    )
    await harness.database.db
      .transaction()
      .execute((trx) => bus.publish([{ topic: 'r.x', event: numbered(2) }], { trx }))
    await expect.poll(() => seen, poll).toEqual([1, 2])
    // The relay deletes its rows after the stream's ack, so a subscriber may see event 2 first.
    const left = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from bus.relay_event`.execute(
          harness.database.db,
        )
      ).rows[0]?.n
    await expect.poll(left, poll).toBe(0)
    expect(seen).toEqual([1, 2])
  })

  it('dead-letters a message that is not JSON, keeping its text', async () => {
    const bus = await harness.open()
    const seen: number[] = []
    await bus.subscribe({
      consumer: 'raw',
      topics: ['j.*'],
      handler: (event) => void seen.push((event.data as { n: number }).n),
    })
    await harness.injectRaw('j.x', 'not json {')
    await bus.publish([{ topic: 'j.x', event: numbered(1) }])
    await expect.poll(() => seen, poll).toEqual([1])
    const [letter] = await listDeadLetters(harness.database.db, { consumer: 'raw' })
    expect(letter).toMatchObject({ topic: 'j.x', event: null, raw: 'not json {', attempts: 0 })
    expect(letter?.error).toMatch(/^not JSON: SyntaxError/)
  })

  it('creates a file stream with a duplicate window, an age limit and one-in-flight pull consumers', async () => {
    const bus = await harness.open()
    await bus.subscribe({ consumer: 'one', topics: ['a.*'], handler: () => {} })
    await bus.subscribe({ consumer: 'many', topics: ['a.*', 'b.>'], handler: () => {} })
    const nc = await connect({ servers: testNatsUrl })
    try {
      const jsm = await jetstreamManager(nc)
      const name = String(harness.stream)
      const { config } = await jsm.streams.info(name)
      expect(config).toMatchObject({
        storage: 'file',
        subjects: [`${name}.>`],
        duplicate_window: 60e9,
        max_age: 7 * 86_400e9,
      })
      const one = await jsm.consumers.info(name, 'one')
      expect(one.config).toMatchObject({
        ack_policy: 'explicit',
        ack_wait: 1e9,
        max_ack_pending: 1,
        filter_subject: `${name}.a.*`,
      })
      const many = await jsm.consumers.info(name, 'many')
      expect(many.config.filter_subject).toBe(`${name}.>`)
    } finally {
      await nc.close()
    }
  })
})
