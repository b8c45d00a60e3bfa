import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connect } from '@nats-io/transport-node'
import { describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../db/index.js'
import { createTestDatabase, testBackends } from '../db/test-database.js'
import { busMigrations } from './bus.migrations.js'
import { deleteStreams, openTestBus, testNatsUrl, uniqueStreamName } from './test-bus.js'

const publisher = fileURLToPath(new URL('./fixtures/crash-publisher.ts', import.meta.url))
/** Ids the child must have confirmed before it is killed: enough to be mid-stream. */
const confirmedBeforeKill = 150

/** Runs the publisher until it has confirmed enough events, kills it with SIGKILL, returns the ids. */
async function publishUntilKilled(env: Record<string, string>): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', publisher], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  )
  const confirmed = () =>
    output
      .split('\n')
      .slice(0, -1)
      .filter((line) => line && line !== 'ready')
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (confirmed().length >= confirmedBeforeKill) resolve()
    })
    void exited.then(() => reject(new Error(`publisher exited early: ${errors}`)))
  })
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  // A line cut off by the kill is not a confirmation: only complete lines count.
  return confirmed()
}

/** Reads the bus back with a fresh consumer until every confirmed id has arrived. */
async function expectAllDelivered(
  database: Database,
  ids: string[],
  natsUrl?: string,
  stream?: string,
) {
  const bus = await openTestBus(database, natsUrl, stream)
  try {
    const deliveries: string[] = []
    await bus.subscribe({
      consumer: 'verify',
      topics: ['crash.>'],
      handler: (event) => void deliveries.push(event.id),
    })
    const missing = () => {
      const seen = new Set(deliveries)
      return ids.filter((id) => !seen.has(id))
    }
    await expect.poll(missing, { timeout: 30_000, interval: 50 }).toEqual([])
    // Stored once each: re-sends by the relay after the kill were dropped as duplicates.
    expect(deliveries.length).toBe(new Set(deliveries).size)
  } finally {
    await bus.close()
  }
}

describe('publish survives SIGKILL: every confirmed event is on the bus', () => {
  it('outbox on PGlite with an on-disk data folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mosaic-bus-crash-'))
    const dataDir = join(folder, 'pgdata')
    try {
      const ids = await publishUntilKilled({ CRASH_PGLITE_DIR: dataDir })
      const database = await openDatabase({ dataDir })
      try {
        await expectAllDelivered(database, ids)
      } finally {
        await database.close()
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it.skipIf(!testBackends.includes('postgres'))('outbox on PostgreSQL', async () => {
    const database = await createTestDatabase('postgres', [busMigrations])
    try {
      const ids = await publishUntilKilled({ CRASH_DATABASE_URL: String(database.url) })
      await expectAllDelivered(database, ids)
    } finally {
      await database.drop()
    }
  })

  it('JetStream, with transactional publishes through the relay', async () => {
    const backend = testBackends.includes('postgres') ? 'postgres' : 'pglite'
    const database = await createTestDatabase(backend, [busMigrations])
    const stream = uniqueStreamName()
    const nc = await connect({ servers: testNatsUrl })
    try {
      const env = { CRASH_NATS_URL: testNatsUrl, CRASH_STREAM: stream }
      const ids = await publishUntilKilled({ ...env, CRASH_DATABASE_URL: String(database.url) })
      await expectAllDelivered(database, ids, testNatsUrl, stream)
    } finally {
      await deleteStreams(nc, stream)
      await nc.close()
      await database.drop()
    }
  })
})
