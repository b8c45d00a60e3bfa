import { expect, it } from 'vitest'
import { z } from 'zod'
import { type CloudEvent, createCloudEvent } from './cloud-event.js'
import { listDeadLetters } from './dead-letter.repository.js'
import { deferred, numbered, poll, recorder, type Seen } from './event-bus.contract-kit.js'
import type { Delivery } from './event-bus.js'
import type { BusHarness } from './test-bus.js'

/** Contract cases for failure: restarts, crashes, failing handlers, failover. */
export function recoveryCases(get: () => BusHarness): void {
  it('keeps a durable position across close and reopen: nothing lost, nothing acked redelivered', async () => {
    const first = await get().open()
    const before = recorder()
    await first.subscribe({ consumer: 'durable', topics: ['t.>'], handler: before.handler })
    await first.publish([1, 2, 3].map((n) => ({ topic: 't.x', event: numbered(n) })))
    await expect.poll(() => before.ns(), poll).toEqual([1, 2, 3])
    await first.close()

    const second = await get().open()
    await second.publish([4, 5, 6].map((n) => ({ topic: 't.x', event: numbered(n) })))
    const after = recorder()
    await second.subscribe({ consumer: 'durable', topics: ['t.>'], handler: after.handler })
    await second.publish([{ topic: 't.x', event: numbered(7) }])
    await expect.poll(() => after.ns().at(-1), poll).toBe(7)
    expect(after.ns()).toEqual([4, 5, 6, 7])
    expect(after.seen.every((s) => s.attempt === 1)).toBe(true)
  })

  it('closes gracefully: the in-flight handler finishes and its ack is kept', async () => {
    const first = await get().open()
    const gate = deferred()
    const started = deferred()
    const before = recorder('first', async (event) => {
      if (event.data.n !== 1) return
      started.resolve()
      await gate.promise
    })
    await first.subscribe({ consumer: 'graceful', topics: ['g.*'], handler: before.handler })
    await first.publish([1, 2, 3].map((n) => ({ topic: 'g.x', event: numbered(n) })))
    await started.promise
    let closed = false
    const closing = first.close().then(() => (closed = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(closed).toBe(false)
    gate.resolve()
    await closing
    expect(before.ns()).toEqual([1])

    const second = await get().open()
    const after = recorder('second')
    await second.subscribe({ consumer: 'graceful', topics: ['g.*'], handler: after.handler })
    await expect.poll(() => after.ns(), poll).toEqual([2, 3])
    expect(after.seen.map((s) => s.attempt)).toEqual([1, 1])
  })

  it('closes promptly when asked just as a handler returns', async () => {
    // The close must land at each step of settling the event just handled: try each delay.
    for (let hops = 0; hops < 12; hops++) {
      const bus = await get().open()
      const handled = deferred()
      await bus.subscribe({ consumer: 'quick', topics: ['q.*'], handler: () => handled.resolve() })
      await bus.publish([{ topic: 'q.x', event: numbered(hops) }])
      await handled.promise
      for (let hop = 0; hop < hops; hop++) await Promise.resolve()
      const outcome = await Promise.race([
        bus.close().then(() => 'closed'),
        new Promise((resolve) => setTimeout(resolve, 5000, `still open after 5 s (${hops} hops)`)),
      ])
      expect(outcome).toBe('closed')
    }
  })

  it('redelivers an unacknowledged event after a crash, before anything newer', async () => {
    const crashed = await get().open()
    const hang = deferred()
    const doomed = recorder('crashed', (event) => (event.data.n === 2 ? hang.promise : undefined))
    await crashed.subscribe({ consumer: 'crashy', topics: ['t.*'], handler: doomed.handler })
    await crashed.publish([1, 2, 3].map((n) => ({ topic: 't.x', event: numbered(n) })))
    await expect.poll(() => doomed.ns(), poll).toEqual([1, 2])
    await crashed.close({ force: true })

    const survivor = await get().open()
    const rescued = recorder('survivor')
    await survivor.subscribe({ consumer: 'crashy', topics: ['t.*'], handler: rescued.handler })
    await expect.poll(() => rescued.ns().at(-1), poll).toBe(3)
    // Event 1 may come again too (at least once); 2 must come before 3, flagged as a redelivery.
    expect(rescued.ns().filter((n) => n !== 1)).toEqual([2, 3])
    expect(rescued.seen.find((s) => s.n === 2)?.attempt).toBeGreaterThanOrEqual(2)
    hang.resolve()
  })

  it('keeps per-topic order through failures, retries and a crash', async () => {
    const count = 24
    const topicOf = (n: number) => `order.${['a', 'b', 'c'][n % 3]}`
    const log: Array<{ n: number; kind: 'start' | 'done' }> = []
    const hang = deferred()
    const handlerFor =
      (crashOn: number | null) => async (event: CloudEvent<{ n: number }>, delivery: Delivery) => {
        const { n } = event.data
        log.push({ n, kind: 'start' })
        if (n === crashOn) return hang.promise
        if (n % 4 === 1 && delivery.attempt === 1) throw new Error(`flaky ${n}`)
        log.push({ n, kind: 'done' })
      }
    const first = await get().open()
    await first.subscribe({
      consumer: 'ordered',
      topics: ['order.*'],
      handler: handlerFor(10),
      maxDeliver: 5,
    })
    const events = Array.from({ length: count }, (_, n) => ({
      topic: topicOf(n),
      event: numbered(n),
    }))
    await first.publish(events.slice(0, 12))
    await expect.poll(() => log.some((entry) => entry.n === 10), poll).toBe(true)
    await first.close({ force: true })
    const second = await get().open()
    await second.subscribe({
      consumer: 'ordered',
      topics: ['order.*'],
      handler: handlerFor(null),
      maxDeliver: 5,
    })
    await second.publish(events.slice(12))
    const done = () =>
      new Set(log.filter((entry) => entry.kind === 'done').map((entry) => entry.n)).size
    await expect.poll(done, poll).toBe(count)
    hang.resolve()

    for (const [index, entry] of log.entries()) {
      const previous = entry.n - 3
      if (entry.kind !== 'start' || previous < 0) continue
      const earlier = log.slice(0, index)
      expect(
        earlier.some((e) => e.n === previous && e.kind === 'done'),
        `${entry.n} before ${previous} was acked`,
      ).toBe(true)
    }
    for (const topic of ['order.a', 'order.b', 'order.c']) {
      const firstDone = [
        ...new Set(log.filter((e) => e.kind === 'done' && topicOf(e.n) === topic).map((e) => e.n)),
      ]
      expect(firstDone).toEqual([...firstDone].sort((a, b) => a - b))
    }
  })

  it('dead-letters an event after maxDeliver failures and moves on', async () => {
    const bus = await get().open()
    const calls: Array<{ n: number; attempt: number }> = []
    await bus.subscribe({
      consumer: 'strict',
      topics: ['dl.*'],
      data: z.object({ n: z.number() }),
      maxDeliver: 3,
      handler: (event, delivery) => {
        calls.push({ n: event.data.n, attempt: delivery.attempt })
        if (event.data.n === 2) throw new Error('boom: cannot handle 2')
      },
    })
    const poison = numbered(2)
    const wrongData = createCloudEvent({
      type: 'org.mosaic.test',
      source: '/mosaic/test',
      data: { n: 'three' },
    })
    await bus.publish([
      { topic: 'dl.x', event: numbered(1) },
      { topic: 'dl.x', event: poison },
    ])
    await get().injectRaw(
      'dl.x',
      JSON.stringify({ specversion: '1.0', id: 'malformed-1', data: {} }),
    )
    await bus.publish([
      { topic: 'dl.x', event: wrongData },
      { topic: 'dl.x', event: numbered(4) },
    ])
    await expect.poll(() => calls.at(-1)?.n, poll).toBe(4)
    expect(calls).toEqual([
      { n: 1, attempt: 1 },
      { n: 2, attempt: 1 },
      { n: 2, attempt: 2 },
      { n: 2, attempt: 3 },
      { n: 4, attempt: 1 },
    ])
    const letters = (await listDeadLetters(get().database.db, { consumer: 'strict' })).reverse()
    expect(
      letters.map((l) => ({ topic: l.topic, eventId: l.eventId, attempts: l.attempts })),
    ).toEqual([
      { topic: 'dl.x', eventId: poison.id, attempts: 3 },
      { topic: 'dl.x', eventId: 'malformed-1', attempts: 0 },
      { topic: 'dl.x', eventId: wrongData.id, attempts: 0 },
    ])
    expect(letters[0]?.event).toStrictEqual(poison)
    expect(letters[0]?.error).toContain('boom: cannot handle 2')
    expect(letters[1]?.error).toMatch(/^invalid CloudEvent: .*source/)
    expect(letters[2]?.error).toMatch(/^invalid data for strict: n:/)
    const health = await bus.health()
    expect(health).toMatchObject({ up: true, details: { consumers: 1, deadLetters: 3 } })
    await bus.close()
    expect((await bus.health()).up).toBe(false)
  })

  it('lets one instance drive a consumer and fails over to a standby', async () => {
    const one = await get().open()
    const two = await get().open()
    const seen: Seen[] = []
    const tagged = (by: string) => recorder(by, undefined, seen).handler
    const subscriptions = {
      one: await one.subscribe({ consumer: 'shared', topics: ['f.*'], handler: tagged('one') }),
      two: await two.subscribe({ consumer: 'shared', topics: ['f.*'], handler: tagged('two') }),
    }
    await one.publish([1, 2, 3, 4, 5].map((n) => ({ topic: 'f.x', event: numbered(n) })))
    await expect.poll(() => seen.map((s) => s.n), poll).toEqual([1, 2, 3, 4, 5])
    const holder = seen[0]?.by === 'one' ? 'one' : 'two'
    const standby = holder === 'one' ? 'two' : 'one'
    expect(new Set(seen.map((s) => s.by))).toEqual(new Set([holder]))

    await subscriptions[holder].close()
    await one.publish([6, 7, 8].map((n) => ({ topic: 'f.x', event: numbered(n) })))
    await expect.poll(() => seen.map((s) => s.n), poll).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(seen.slice(5).map((s) => s.by)).toEqual([standby, standby, standby])
  })
}
