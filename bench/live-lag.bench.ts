/**
 * Live lag: from the commit of a change and its event (an authentication attempt; a
 * registration's stage step) to the live stream pushing a snapshot that shows it, the moment
 * the SSE route writes it to every connected dashboard. Outbox bus on PostgreSQL, the
 * stream's default 250 ms coalescing. Target: p99 under 1 s.
 *
 *   node --import tsx bench/live-lag.bench.ts
 *
 * Env: MOSAIC_BENCH_SAMPLES (authentication samples, default 300; stage samples are a third).
 */
import { cpus } from 'node:os'
import type { LiveSnapshot } from '../src/reporting/live/live-snapshot.js'
import {
  openLiveHarness,
  recordAuthAttempt,
  startLive,
  submitPacket,
  testClock,
  today,
} from '../src/reporting/live/live.test-kit.js'
import { markdownTable, percentile } from './support.js'

const samples = Number(process.env.MOSAIC_BENCH_SAMPLES ?? 300)
const h = await openLiveHarness('postgres')
const live = await startLive(h, { now: testClock(`${today}T12:00:00.000Z`).now })
let waiting: ((snapshot: LiveSnapshot) => void) | undefined
live.subscribe((snapshot) => waiting?.(snapshot))
/** Resolves with the time the first snapshot satisfying `shows` was pushed. */
const pushed = (shows: (snapshot: LiveSnapshot) => boolean) =>
  new Promise<number>((resolve) => {
    waiting = (snapshot) => {
      if (!shows(snapshot)) return
      waiting = undefined
      resolve(performance.now())
    }
  })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

try {
  const auth: number[] = []
  for (let i = 0; i < samples; i++) {
    const before = live.snapshot().authentications.success
    const seen = pushed((s) => s.authentications.success > before)
    await recordAuthAttempt(h, new Date(`${today}T11:59:00.000Z`), true)
    const committed = performance.now()
    auth.push((await seen) - committed)
    await pause(50 + Math.random() * 300) // events arrive at random moments of the push cycle
  }
  const stage: number[] = []
  for (let i = 0; i < Math.max(10, Math.round(samples / 3)); i++) {
    await submitPacket(h, '10001', `${today}T10:00:00.000Z`)
    const step = h.queue.shift()
    if (step === undefined) throw new Error('the packet queued no workflow step')
    const before = JSON.stringify(live.snapshot().inFlight)
    const seen = pushed((s) => JSON.stringify(s.inFlight) !== before)
    await h.engine.runStep(step)
    const committed = performance.now()
    stage.push((await seen) - committed)
    h.queue.length = 0
    await pause(50 + Math.random() * 300)
  }
  const row = (event: string, lags: number[]) => ({
    event,
    samples: lags.length,
    'p50 ms': percentile(lags, 50).toFixed(0),
    'p95 ms': percentile(lags, 95).toFixed(0),
    'p99 ms': percentile(lags, 99).toFixed(0),
    'max ms': Math.max(...lags).toFixed(0),
  })
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`)
  console.log(
    markdownTable([row('authentication attempt', auth), row('registration stage step', stage)]),
  )
} finally {
  await live.close()
  await h.close()
}
