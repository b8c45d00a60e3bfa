import { randomBytes } from 'node:crypto'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { sql } from 'kysely'
import { pino } from 'pino'
import type { Settings } from '../config/index.js'
import type { Backend, Database } from '../db/index.js'
import { createTestDatabase, type TestDatabase } from '../db/test-database.js'
import { busMigrations } from './bus.migrations.js'
import type { BusTuning } from './bus-tuning.js'
import { createEventBus } from './create-event-bus.js'
import type { EventBus } from './event-bus.js'

/** NATS server the tests use (JetStream enabled). */
export const testNatsUrl = process.env.MOSAIC_TEST_NATS_URL ?? 'nats://127.0.0.1:4222'

/** Short leases and waits so that failover and redelivery happen within a test. */
export const testTuning: Partial<BusTuning> = {
  leaseSeconds: 1,
  pollMs: 200,
  batchSize: 50,
  flushMs: 100,
  backoff: { initialMs: 5, maxMs: 40 },
  duplicateWindowSeconds: 60,
}

export const testLogger = pino({ level: process.env.MOSAIC_TEST_LOG_LEVEL ?? 'silent' })

/** One backend for one test: opens bus instances ("processes") on a shared store. */
export interface BusHarness {
  readonly label: string
  readonly database: TestDatabase
  /** JetStream only: the test's stream (also its subject prefix). */
  readonly stream?: string
  open(): Promise<EventBus>
  /** Puts a message on the bus behind the bus's back, as a buggy or hostile producer would. */
  injectRaw(topic: string, payload: string): Promise<void>
  cleanup(): Promise<void>
}

/** A unique JetStream stream name (also the subject prefix) per test. */
export function uniqueStreamName(): string {
  return `T_${randomBytes(5).toString('hex')}`
}

export function testBusSettings(natsUrl?: string, stream = 'MOSAIC'): Pick<Settings, 'bus'> {
  return {
    bus: {
      ...(natsUrl && { natsUrl }),
      stream,
      ackWaitSeconds: 1,
      maxDeliver: 3,
      retentionDays: 7,
    },
  }
}

/** A bus with the test settings and tuning; `natsUrl` picks JetStream. */
export function openTestBus(
  database: Database,
  natsUrl?: string,
  stream?: string,
): Promise<EventBus> {
  return createEventBus({
    settings: testBusSettings(natsUrl, stream),
    database,
    logger: testLogger,
    tuning: testTuning,
  })
}

export async function outboxHarness(backend: Backend): Promise<BusHarness> {
  const database = await createTestDatabase(backend, [busMigrations])
  const buses: EventBus[] = []
  return {
    label: `outbox on ${backend}`,
    database,
    async open() {
      const bus = await openTestBus(database)
      buses.push(bus)
      return bus
    },
    async injectRaw(topic, payload) {
      await sql`insert into bus.event (topic, event) values (${topic}, ${payload}::jsonb)`.execute(
        database.db,
      )
    },
    async cleanup() {
      await Promise.all(buses.map((bus) => bus.close({ force: true })))
      await database.drop()
    },
  }
}

export async function jetstreamHarness(backend: Backend): Promise<BusHarness> {
  const database = await createTestDatabase(backend, [busMigrations])
  const stream = uniqueStreamName()
  const nc = await connect({ servers: testNatsUrl })
  const buses: EventBus[] = []
  return {
    label: `JetStream (${backend} for dead letters and the relay)`,
    database,
    stream,
    async open() {
      const bus = await openTestBus(database, testNatsUrl, stream)
      buses.push(bus)
      return bus
    },
    async injectRaw(topic, payload) {
      await jetstream(nc).publish(`${stream}.${topic}`, payload)
    },
    async cleanup() {
      await Promise.all(buses.map((bus) => bus.close({ force: true })))
      await deleteStreams(nc, stream)
      await nc.close()
      await database.drop()
    },
  }
}

/** Removes a test's stream and its lease bucket. */
export async function deleteStreams(
  nc: Awaited<ReturnType<typeof connect>>,
  stream: string,
): Promise<void> {
  const jsm = await jetstreamManager(nc)
  for (const name of [stream, `KV_${stream}_leases`])
    await jsm.streams.delete(name).catch(() => false)
}
