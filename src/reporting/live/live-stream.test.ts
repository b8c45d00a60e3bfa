import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createMetrics } from '../../platform/telemetry/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import type { RegprcHarness } from '../../identity/index.js'
import type { LiveStream } from './live-stream.js'
import type { LiveSnapshot } from './live-snapshot.js'
import {
  converge,
  openLiveHarness,
  recordAuthAttempt,
  runSteps,
  startLive,
  submitPacket,
  testClock,
  today,
} from './live.test-kit.js'

const yesterday = '2026-03-01'

describe.each(testBackends)('live stream on %s', (backend) => {
  let h: RegprcHarness | undefined
  const streams: LiveStream[] = []
  afterEach(async () => {
    for (const live of streams.splice(0)) await live.close()
    await h?.close()
    h = undefined
  })

  async function start(clock: ReturnType<typeof testClock>, consumer?: string) {
    const live = await startLive(h!, { now: clock.now, ...(consumer && { consumer }) })
    streams.push(live)
    return live
  }

  /** A mix: finished, rejected (closed center), in flight at several stages, yesterday's. */
  async function registrations(prefix: number) {
    for (const center of ['10001', '10011', '10001']) {
      await submitPacket(h!, center, `${today}T10:0${prefix}:00.000Z`)
    }
    await submitPacket(h!, '10021', `${today}T11:00:00.000Z`)
    await submitPacket(h!, '10001', `${yesterday}T10:00:00.000Z`)
    await runSteps(h!, 9)
  }

  it('starts from a recount and follows registrations and authentications to the same numbers as the database', async () => {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T12:00:00.000Z`)
    await registrations(1)
    await h.drain()
    await registrations(2)
    await recordAuthAttempt(h, new Date(`${today}T11:30:10.000Z`), true)
    const live = await start(clock)
    const first = await converge(live, h.database.db, clock.now)
    expect(first.live).toEqual(first.recount)
    expect(first.live.inFlight.length).toBeGreaterThan(0)

    await registrations(3)
    await runSteps(h, 15)
    await recordAuthAttempt(h, new Date(`${today}T11:59:00.000Z`), true)
    await recordAuthAttempt(h, new Date(`${today}T11:59:30.000Z`), false)
    await recordAuthAttempt(h, new Date(`${today}T10:30:00.000Z`), true) // outside the hour
    const second = await converge(live, h.database.db, clock.now)
    expect(second.live).toEqual(second.recount)
    expect(second.live.today).not.toEqual(first.live.today)
    expect(second.live.auth).toHaveLength(2) // two minutes of the hour

    await h.drain()
    await recordAuthAttempt(h, new Date(`${today}T11:59:50.000Z`), true)
    const finished = await converge(live, h.database.db, clock.now)
    expect(finished.live).toEqual(finished.recount)

    const snapshot = live.snapshot()
    expect(snapshot.recent.length).toBeGreaterThan(0)
    expect(new Set(snapshot.recent.map((r) => r.kind))).toEqual(
      new Set(['stage', 'completed', 'authentication']),
    )
    const rids = await sql<{ reg_id: string }>`select reg_id from regprc.registration`.execute(
      h.database.db,
    )
    const text = JSON.stringify(snapshot)
    for (const { reg_id } of rids.rows) expect(text).not.toContain(reg_id)
  })

  it('converges again after a restart in the middle, without counting replayed events twice', async () => {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T12:00:00.000Z`)
    let live = await start(clock, 'reporting-live-restart')
    await registrations(1)
    await recordAuthAttempt(h, new Date(`${today}T11:50:00.000Z`), true)
    expect((await converge(live, h.database.db, clock.now)).live.today.length).toBeGreaterThan(0)
    await live.close()

    // While it is down: more work; its durable position holds these events for the restart.
    await registrations(2)
    await runSteps(h, 10)
    await recordAuthAttempt(h, new Date(`${today}T11:55:00.000Z`), false)
    live = await start(clock, 'reporting-live-restart')
    const restarted = await converge(live, h.database.db, clock.now)
    expect(restarted.live).toEqual(restarted.recount)

    await h.drain()
    await recordAuthAttempt(h, new Date(`${today}T11:58:00.000Z`), true)
    const after = await converge(live, h.database.db, clock.now)
    expect(after.live).toEqual(after.recount)
    expect(after.live.auth.reduce((n, m) => n + m.success + m.failure, 0)).toBe(3)
  })

  it('restricts every registration count to the scope’s centers and shows authentications to all', async () => {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T12:00:00.000Z`)
    const live = await start(clock)
    await registrations(1)
    await recordAuthAttempt(h, new Date(`${today}T11:59:00.000Z`), false)
    for (const scope of [
      { centers: ['10001'] },
      { centers: ['10011', '10021'] },
      { centers: [] },
    ]) {
      const { live: counts, recount } = await converge(live, h.database.db, clock.now, scope)
      expect(counts).toEqual(recount)
      expect(counts.auth).toHaveLength(1)
      const recent = live.snapshot(scope).recent
      for (const entry of recent) {
        if (entry.center !== null) expect(scope.centers).toContain(entry.center)
      }
    }
    const everything = live.snapshot()
    const mine = live.snapshot({ centers: ['10001'] })
    expect(mine.registrationsToday.total).toBeGreaterThan(0)
    expect(mine.registrationsToday.total).toBeLessThan(everything.registrationsToday.total)
    expect(live.snapshot({ centers: [] }).registrationsToday.total).toBe(0)
  })

  it('rolls the day over at midnight UTC', async () => {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T23:59:30.000Z`)
    const live = await start(clock)
    await registrations(1)
    await submitPacket(h, '10001', '2026-03-03T10:00:00.000Z') // tomorrow's packet (clock skew)
    await h.drain()
    await recordAuthAttempt(h, new Date(`${today}T23:59:10.000Z`), true)
    const before = await converge(live, h.database.db, clock.now)
    expect(before.live).toEqual(before.recount)
    expect(live.snapshot().day).toBe(today)

    clock.set('2026-03-03T00:00:05.000Z')
    await new Promise<void>((resolve) => {
      const unsubscribe = live.subscribe((snapshot: LiveSnapshot) => {
        if (snapshot.day !== '2026-03-03') return
        unsubscribe()
        resolve()
      })
    })
    const after = await converge(live, h.database.db, clock.now)
    expect(after.live).toEqual(after.recount)
    expect(after.live.today).toEqual([
      { center: '10001', process: 'NEW', status: expect.any(String), count: 1 },
    ])
    expect(after.live.auth).toHaveLength(1)
  })

  it('corrects by a recount what no event announced, and counts the drift', async () => {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T12:00:00.000Z`)
    const metrics = createMetrics()
    const live = await startLive(h, { now: clock.now, metrics })
    streams.push(live)
    await registrations(1)
    expect((await converge(live, h.database.db, clock.now)).live.inFlight.length).toBeGreaterThan(0)
    // Changes behind the live stream's back: no event is published for them.
    await sql`update regprc.registration set status_code = 'FAILED'
      where status_code = 'PROCESSING'`.execute(h.database.db)
    await recordAuthAttempt(h, new Date(`${today}T11:59:00.000Z`), true, { publish: false })

    const drift = await live.reconcile()
    expect(drift).toBeGreaterThan(0)
    const fixed = await converge(live, h.database.db, clock.now)
    expect(fixed.live).toEqual(fixed.recount)
    const metric = await metrics.registry
      .getSingleMetric('mosaic_reporting_live_drift_total')
      ?.get()
    const total = (metric?.values ?? []).reduce((n, v) => n + v.value, 0)
    expect(total).toBe(drift)
    expect(await live.reconcile()).toBe(0)
  })
})
