import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { type Database, openDatabase } from '../db/index.js'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { getTask, listPeriodicJobs } from './job-status.repository.js'
import { createJobRunner, type JobRunner } from './job-runner.js'
import type { JobRunnerOptions } from './job-runner.options.js'
import { jobsHistory } from './jobs.migrations.js'
import { defineTask } from './task-definition.js'

const until = { timeout: 20_000, interval: 50 }

// Several runners, each with its own connection pool, as separate processes would have.
describe.skipIf(!testBackends.includes('postgres'))('several runners on one PostgreSQL', () => {
  let database: TestDatabase
  const opened: Database[] = []
  const runners: JobRunner[] = []
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()))
    await Promise.all(opened.splice(0).map((db) => db.close().catch(() => {})))
    await database?.drop()
  })

  const runnerOn = async (options: Omit<JobRunnerOptions, 'database'>) => {
    const own = await openDatabase({ url: database.url, poolMax: 3 })
    opened.push(own)
    const runner = createJobRunner({ database: own, pollIntervalMs: 50, ...options })
    runners.push(runner)
    await runner.start()
    return { runner, own }
  }

  it('runs a periodic job exactly once per period across two runners', async () => {
    database = await createTestDatabase('postgres', [jobsHistory])
    const runs: { slot: number; owner: string }[] = []
    const job = (owner: () => string) => ({
      name: 'test.every-second',
      every: 1,
      run: async (ctx: { scheduledAt: Date }) =>
        void runs.push({ slot: ctx.scheduledAt.getTime(), owner: owner() }),
    })
    const a: { runner?: JobRunner } = {}
    const b: { runner?: JobRunner } = {}
    a.runner = (await runnerOn({ jobs: [job(() => a.runner?.owner ?? 'a')] })).runner
    b.runner = (await runnerOn({ jobs: [job(() => b.runner?.owner ?? 'b')] })).runner
    await vi.waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(5), until)
    await Promise.all(runners.map((runner) => runner.stop()))

    const slots = runs.map((run) => run.slot)
    expect(new Set(slots).size).toBe(slots.length)
    const sorted = [...slots].sort((x, y) => x - y)
    expect(sorted).toEqual(slots)
    for (const [i, slot] of sorted.entries()) {
      if (i > 0) expect((slot - (sorted[i - 1] ?? 0)) % 1000).toBe(0)
    }
    const [state] = await listPeriodicJobs(database.db)
    expect(state?.runCount).toBe(runs.length)
  })

  it('lets a second runner take over a periodic job whose runner died mid-run', async () => {
    database = await createTestDatabase('postgres', [jobsHistory])
    const events: string[] = []
    const slow = (who: string) => ({
      name: 'test.slow',
      every: 3600,
      async run(ctx: { attempt: number; signal: AbortSignal }) {
        events.push(`${who} attempt ${ctx.attempt}`)
        if (who === 'a')
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
      },
    })
    const a = await runnerOn({ jobs: [slow('a')], leaseSeconds: 1 })
    await vi.waitFor(() => expect(events).toEqual(['a attempt 1']), until)
    // Runner a "dies": it loses its database, so its heartbeats stop and its lease lapses.
    await a.own.close()
    await runnerOn({ jobs: [slow('b')], leaseSeconds: 1 })
    await vi.waitFor(async () => {
      const [state] = await listPeriodicJobs(database.db)
      expect(state).toMatchObject({ status: 'succeeded', runCount: 1, attempt: 2 })
    }, until)
    expect(events).toContain('b attempt 2')
  })

  it('lets a second runner take over a task whose runner died mid-run', async () => {
    database = await createTestDatabase('postgres', [jobsHistory])
    const events: string[] = []
    const task = (who: string) =>
      defineTask({
        name: 'test.task',
        schema: z.object({}),
        async run(_payload, ctx) {
          events.push(`${who} attempt ${ctx.attempt}`)
          if (who === 'a')
            await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
        },
      })
    const a = await runnerOn({ tasks: [task('a')], leaseSeconds: 1 })
    const { id } = await a.runner.enqueue('test.task', {})
    await vi.waitFor(() => expect(events).toEqual(['a attempt 1']), until)
    await a.own.close()
    await runnerOn({ tasks: [task('b')], leaseSeconds: 1 })
    await vi.waitFor(
      async () => expect((await getTask(database.db, id))?.status).toBe('succeeded'),
      until,
    )
    expect(events).toEqual(['a attempt 1', 'b attempt 2'])
    expect((await getTask(database.db, id))?.attempts).toBe(2)
  })
})
