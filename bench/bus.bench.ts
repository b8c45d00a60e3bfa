/**
 * Event bus benchmark: publish throughput (one event per call, and batches), end-to-end
 * consumption rate of a backlog, and delivery latency (publish start → handler) for the outbox
 * on PGlite (on disk), the outbox on PostgreSQL and JetStream.
 *
 *   node --import tsx bench/bus.bench.ts
 *
 * Env: MOSAIC_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, used to
 * create a scratch database), NATS_URL (default nats://127.0.0.1:4222), MOSAIC_BENCH_SCALE
 * (multiplies event counts; default 1), MOSAIC_BENCH_ONLY (comma list of the backends to run).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@nats-io/transport-node'
import pg from 'pg'
import { pino } from 'pino'
import {
  createCloudEvent,
  createEventBus,
  type EventBus,
  type TopicEvent,
} from '../src/platform/bus/index.js'
import { type Database, openDatabase } from '../src/platform/db/index.js'
import { deleteStreams } from '../src/platform/bus/test-bus.js'
import { markdownTable, progress } from './support.js'

const scale = Number(process.env.MOSAIC_BENCH_SCALE ?? 1)
const counts = {
  single: 1000 * scale,
  batched: 10_000 * scale,
  batchSize: 100,
  latency: 300 * scale,
}
const adminUrl =
  process.env.MOSAIC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222'
const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' })

interface Store {
  database: Database
  settings: {
    bus: {
      natsUrl?: string
      stream: string
      ackWaitSeconds: number
      maxDeliver: number
      retentionDays: number
    }
  }
  cleanup(): Promise<void>
}

interface Result {
  backend: string
  publishOne: number
  publishBatched: number
  consumed: number
  p50: number
  p99: number
}

const event = (topic: string, n: number): TopicEvent => ({
  topic,
  event: createCloudEvent({
    type: 'org.mosaic.bench',
    source: '/mosaic/bench',
    data: { n, rid: `1000${n}`.padStart(29, '0') },
  }),
})

async function measure(name: string, store: Store): Promise<Result> {
  const bus = await createEventBus({ settings: store.settings, database: store.database, logger })
  try {
    stepOf(name, `publishing ${counts.single} events one per call`)
    let started = performance.now()
    for (let n = 0; n < counts.single; n++) await bus.publish([event('bench.one', n)])
    const publishOne = counts.single / seconds(started)

    stepOf(name, `publishing ${counts.batched} events in batches of ${counts.batchSize}`)
    started = performance.now()
    for (let n = 0; n < counts.batched; n += counts.batchSize) {
      await bus.publish(
        Array.from({ length: counts.batchSize }, (_, i) => event('bench.batch', n + i)),
      )
    }
    const publishBatched = counts.batched / seconds(started)

    const total = counts.single + counts.batched
    stepOf(name, `consuming the backlog of ${total} events`)
    const consumed = await drain(bus, total)

    stepOf(name, `measuring latency over ${counts.latency} events, one in flight`)
    const { p50, p99 } = await latency(bus)
    return { backend: name, publishOne, publishBatched, consumed, p50, p99 }
  } finally {
    await bus.close()
    await store.cleanup()
  }
}

async function drain(bus: EventBus, total: number): Promise<number> {
  let seen = 0
  const done = deferred()
  const started = performance.now()
  await bus.subscribe({
    consumer: 'drain',
    topics: ['bench.one', 'bench.batch'],
    handler: () => {
      if (++seen === total) done.resolve()
    },
  })
  await done.promise
  return total / seconds(started)
}

async function latency(bus: EventBus): Promise<{ p50: number; p99: number }> {
  const publishedAt = new Map<string, number>()
  const samples: number[] = []
  let next = deferred()
  await bus.subscribe({
    consumer: 'latency',
    topics: ['bench.latency'],
    handler: (received) => {
      const at = publishedAt.get(received.id)
      if (at !== undefined) samples.push(performance.now() - at)
      next.resolve()
    },
  })
  // One warm-up event, so the consumer has passed the backlog and holds its lease.
  for (let n = -1; n < counts.latency; n++) {
    next = deferred()
    const item = event('bench.latency', n)
    if (n >= 0) publishedAt.set(item.event.id, performance.now())
    await bus.publish([item])
    await next.promise
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.floor(q * (samples.length - 1))] ?? Number.NaN
  return { p50: at(0.5), p99: at(0.99) }
}

async function pgliteStore(): Promise<Store> {
  const folder = mkdtempSync(join(tmpdir(), 'mosaic-bus-bench-'))
  const database = await openDatabase({ dataDir: join(folder, 'pgdata') })
  return {
    database,
    settings: settings(),
    async cleanup() {
      await database.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function postgresStore(nats?: string): Promise<Store> {
  const name = `mosaic_bench_${randomBytes(4).toString('hex')}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), poolMax: 10 })
  const stream = `BENCH_${randomBytes(4).toString('hex')}`
  return {
    database,
    settings: settings(nats, stream),
    async cleanup() {
      await database.close()
      const admin = new pg.Client({ connectionString: adminUrl })
      await admin.connect()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
      if (nats) {
        const nc = await connect({ servers: nats })
        await deleteStreams(nc, stream)
        await nc.close()
      }
    },
  }
}

function settings(nats?: string, stream = 'MOSAIC'): Store['settings'] {
  return {
    bus: {
      ...(nats && { natsUrl: nats }),
      stream,
      ackWaitSeconds: 30,
      maxDeliver: 10,
      retentionDays: 7,
    },
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000
}

function stepOf(backend: string, step: string): void {
  progress(`${backend}: ${step}`)
}

const backends: Record<string, () => Promise<Store>> = {
  'outbox-pglite': pgliteStore,
  'outbox-postgres': () => postgresStore(),
  jetstream: () => postgresStore(natsUrl),
}
const only = process.env.MOSAIC_BENCH_ONLY?.split(',')
const results: Result[] = []
for (const [name, open] of Object.entries(backends)) {
  if (only && !only.includes(name)) continue
  stepOf(name, 'opening the store')
  results.push(await measure(name, await open()))
}

const rate = (value: number) => Math.round(value).toLocaleString('en-US')
const ms = (value: number) => value.toFixed(1)
console.log(`\nEvent bus, ${cpus().length} vCPU, Node ${process.version}, scale ${scale}\n`)
console.log(
  markdownTable(
    results.map((r) => ({
      backend: r.backend,
      'publish 1/call (ev/s)': rate(r.publishOne),
      'publish batch of 100 (ev/s)': rate(r.publishBatched),
      'consume (ev/s)': rate(r.consumed),
      'latency p50 (ms)': ms(r.p50),
      'latency p99 (ms)': ms(r.p99),
    })),
  ),
)
