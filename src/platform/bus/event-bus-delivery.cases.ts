import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { type CloudEvent, createCloudEvent } from './cloud-event.js'
import { numbered, poll, recorder } from './event-bus.contract-kit.js'
import type { Delivery } from './event-bus.js'
import type { BusHarness } from './test-bus.js'

/** Contract cases for the happy path: what is published is delivered, to whom, and when. */
export function deliveryCases(get: () => BusHarness): void {
  it('delivers published events with every CloudEvents field intact', async () => {
    const bus = await get().open()
    const received: Array<{ event: CloudEvent; delivery: Delivery }> = []
    await bus.subscribe({
      consumer: 'roundtrip',
      topics: ['identity.created'],
      handler: (event, delivery) => {
        received.push({ event, delivery })
      },
    })
    const withSubject = createCloudEvent({
      type: 'org.mosaic.identity.created',
      source: '/mosaic/identity',
      subject: 'rid-10001',
      data: {
        uin: null,
        tags: ['a', 'b'],
        nested: { age: 42, ratio: 0.25, ok: true },
        text: 'é ✓',
      },
    })
    const plain = createCloudEvent({
      type: 'org.mosaic.identity.created',
      source: '/mosaic/identity',
      data: 7,
    })
    await bus.publish([
      { topic: 'identity.created', event: withSubject },
      { topic: 'identity.created', event: plain },
    ])
    await expect.poll(() => received.length, poll).toBe(2)
    expect(received.map((r) => r.event)).toStrictEqual([withSubject, plain])
    expect(received[0]?.delivery).toStrictEqual({
      consumer: 'roundtrip',
      topic: 'identity.created',
      attempt: 1,
    })
  })

  it('matches topics with NATS wildcards: * one token, > the rest', async () => {
    const bus = await get().open()
    const several = recorder()
    const single = recorder()
    await bus.subscribe({
      consumer: 'several',
      topics: ['identity.*', 'consent.>'],
      handler: several.handler,
    })
    await bus.subscribe({ consumer: 'single', topics: ['identity.>'], handler: single.handler })
    const topics = [
      'identity.created',
      'identity.vid.revoked',
      'consent.given',
      'consent.a.b',
      'consentx.y',
      'identity',
      'other.z',
    ]
    await bus.publish(topics.map((topic, n) => ({ topic, event: numbered(n) })))
    await bus.publish([
      { topic: 'consent.end', event: numbered(100) },
      { topic: 'identity.x.end', event: numbered(101) },
    ])
    await expect.poll(() => several.ns().at(-1), poll).toBe(100)
    await expect.poll(() => single.ns().at(-1), poll).toBe(101)
    expect(several.seen.map((s) => s.topic)).toEqual([
      'identity.created',
      'consent.given',
      'consent.a.b',
      'consent.end',
    ])
    expect(single.seen.map((s) => s.topic)).toEqual([
      'identity.created',
      'identity.vid.revoked',
      'identity.x.end',
    ])
  })

  it('gives each consumer name every event, independently', async () => {
    const bus = await get().open()
    const a = recorder()
    const b = recorder()
    await bus.subscribe({ consumer: 'reporting', topics: ['x.>'], handler: a.handler })
    await bus.subscribe({ consumer: 'fraud', topics: ['x.>'], handler: b.handler })
    const ns = Array.from({ length: 10 }, (_, n) => n)
    await bus.publish(ns.map((n) => ({ topic: `x.k${n % 2}`, event: numbered(n) })))
    await expect.poll(() => a.ns(), poll).toEqual(ns)
    await expect.poll(() => b.ns(), poll).toEqual(ns)
  })

  it('publishes with the caller transaction: delivered after commit, never after rollback', async () => {
    type NoteTables = { 'public.note': { id: string } }
    await sql`create table public.note (id text primary key)`.execute(get().database.db)
    const db = get().database.db.withTables<NoteTables>()
    const bus = await get().open()
    const got = recorder()
    await bus.subscribe({ consumer: 'notes', topics: ['note.created'], handler: got.handler })

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('public.note').values({ id: 'n1' }).execute()
      await bus.publish([{ topic: 'note.created', event: numbered(1) }], { trx })
    })
    const rolledBack = db.transaction().execute(async (trx) => {
      await trx.insertInto('public.note').values({ id: 'n2' }).execute()
      await bus.publish([{ topic: 'note.created', event: numbered(2) }], { trx })
      throw new Error('changed my mind')
    })
    await expect(rolledBack).rejects.toThrow('changed my mind')
    await db
      .transaction()
      .execute((trx) => bus.publish([{ topic: 'note.created', event: numbered(3) }], { trx }))

    await expect.poll(() => got.ns().at(-1), poll).toBe(3)
    expect(got.ns()).toEqual([1, 3])
    expect((await db.selectFrom('public.note').select('id').execute()).map((r) => r.id)).toEqual([
      'n1',
    ])
  })

  it('rejects invalid events and subscriptions with a clear AppError, storing nothing', async () => {
    const bus = await get().open()
    const got = recorder()
    await bus.subscribe({ consumer: 'valid', topics: ['v.>'], handler: got.handler })
    const good = numbered(1)
    const reject = (promise: Promise<unknown>, code: string, text: RegExp) =>
      expect(promise).rejects.toSatisfy((error) => {
        return (
          error instanceof AppError &&
          error.code === code &&
          error.status < 500 &&
          text.test(error.message)
        )
      })

    await reject(
      bus.publish([{ topic: 'v bad', event: good }]),
      'MOS-BUS-002',
      /Invalid topic "v bad"/,
    )
    await reject(bus.publish([{ topic: 'v.*', event: good }]), 'MOS-BUS-002', /Invalid topic/)
    const offsetTime = { ...good, time: '2026-01-01T10:00:00+02:00' }
    await reject(
      bus.publish([
        { topic: 'v.a', event: good },
        { topic: 'v.a', event: offsetTime },
      ]),
      'MOS-BUS-001',
      /event 1 \(topic v\.a\): time: must be UTC ISO-8601 ending in Z/,
    )
    const { source: _dropped, ...withoutSource } = good
    // @ts-expect-error -- a caller bypassing the types must still be stopped at run time
    await reject(bus.publish([{ topic: 'v.a', event: withoutSource }]), 'MOS-BUS-001', /source/)
    const withExtra = { ...good, extra: 1 }
    await reject(bus.publish([{ topic: 'v.a', event: withExtra }]), 'MOS-BUS-001', /extra/)
    await reject(
      bus.subscribe({ consumer: 'has space', topics: ['v.>'], handler: () => {} }),
      'MOS-BUS-003',
      /consumer name/,
    )
    await reject(
      bus.subscribe({ consumer: 'x', topics: ['v.>.more'], handler: () => {} }),
      'MOS-BUS-003',
      /topic pattern/,
    )
    await reject(
      bus.subscribe({ consumer: 'valid', topics: ['v.>'], handler: () => {} }),
      'MOS-BUS-004',
      /already/,
    )

    await bus.publish([{ topic: 'v.a', event: numbered(2) }])
    await expect.poll(() => got.ns(), poll).toEqual([2])
  })
}
