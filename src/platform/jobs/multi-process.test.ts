import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { listPeriodicJobs } from './job-status.repository.js'
import { createJobRunner, type JobRunner } from './job-runner.js'
import { jobsHistory } from './jobs.migrations.js'

const script = fileURLToPath(new URL('./fixtures/periodic-job-process.ts', import.meta.url))
const until = { timeout: 40_000, interval: 100 }

interface Worker {
  readonly child: ChildProcess
  readonly lines: string[]
  readonly exited: Promise<number | null>
}

function spawnWorker(url: string, mode: 'tick' | 'hang'): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let buffered = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    lines.push(...parts)
  })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, lines, exited }
}

describe.skipIf(!testBackends.includes('postgres'))('runners in separate OS processes', () => {
  let database: TestDatabase
  const workers: Worker[] = []
  let runner: JobRunner | undefined
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null)
        worker.child.kill('SIGKILL')
      await worker.exited
    }
    await runner?.stop()
    runner = undefined
    await database?.drop()
  })

  it('runs a periodic job once per period across two processes', async () => {
    database = await createTestDatabase('postgres', [jobsHistory])
    const url = database.url ?? ''
    workers.push(spawnWorker(url, 'tick'), spawnWorker(url, 'tick'))
    const runs = () => workers.flatMap((w) => w.lines.filter((line) => line.startsWith('RUN ')))
    await vi.waitFor(() => expect(runs().length).toBeGreaterThanOrEqual(5), until)

    for (const worker of workers) worker.child.kill('SIGTERM')
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0])
    const slots = runs().map((line) => Number(line.split(' ')[1]))
    expect(new Set(slots).size).toBe(slots.length)
    const [state] = await listPeriodicJobs(database.db)
    expect(state?.runCount).toBe(slots.length)
  })

  it('takes over a job from a process killed mid-run once its lease lapses', async () => {
    database = await createTestDatabase('postgres', [jobsHistory])
    const worker = spawnWorker(database.url ?? '', 'hang')
    workers.push(worker)
    await vi.waitFor(
      () => expect(worker.lines.some((l) => l.startsWith('STARTED '))).toBe(true),
      until,
    )
    worker.child.kill('SIGKILL')
    await worker.exited

    const attempts: number[] = []
    runner = createJobRunner({
      database,
      pollIntervalMs: 100,
      leaseSeconds: 1,
      jobs: [
        { name: 'test.hang', every: 3600, run: async (ctx) => void attempts.push(ctx.attempt) },
      ],
    })
    await runner.start()
    await vi.waitFor(async () => {
      const [state] = await listPeriodicJobs(database.db)
      expect(state).toMatchObject({ status: 'succeeded', runCount: 1 })
    }, until)
    expect(attempts).toEqual([2])
  })
})
