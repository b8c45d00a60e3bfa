import { describe, expect, it, vi } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { listPeriodicJobs, type PeriodicJobState } from './job-status.repository.js'
import type { JobsTables } from './jobs.tables.js'
import type { PeriodicJob } from './periodic-job.js'
import { useTestJobRunners } from './test-job-runners.js'

const until = { timeout: 15_000, interval: 25 }
const HOUR = 3600

describe.each(testBackends)('periodic jobs on %s', (backend) => {
  const runners = useTestJobRunners(backend)
  const db = runners.db
  const start = (jobs: PeriodicJob[]) => runners.start({ jobs })
  const stateOf = async (name: string): Promise<PeriodicJobState | undefined> =>
    (await listPeriodicJobs(db())).find((job) => job.name === name)
  /** A fast job whose runs prove the runner has made full passes over due work since a point. */
  const probe = () => {
    const probe = {
      runs: 0,
      job: { name: 'test.probe', every: 0.1, run: async () => void probe.runs++ },
    }
    return probe
  }
  const passes = async (p: { runs: number }, count: number) => {
    const target = p.runs + count
    await vi.waitFor(() => expect(p.runs).toBeGreaterThanOrEqual(target), until)
  }

  it('runs a new every-job at once and records its state', async () => {
    const contexts: { attempt: number; scheduledAt: Date; aborted: boolean }[] = []
    await start([
      {
        name: 'test.hourly',
        every: HOUR,
        run: async (ctx) =>
          void contexts.push({
            attempt: ctx.attempt,
            scheduledAt: ctx.scheduledAt,
            aborted: ctx.signal.aborted,
          }),
      },
    ])
    await vi.waitFor(
      async () => expect((await stateOf('test.hourly'))?.status).toBe('succeeded'),
      until,
    )
    const state = await stateOf('test.hourly')
    expect(contexts).toEqual([{ attempt: 1, scheduledAt: expect.any(Date), aborted: false }])
    expect(state).toMatchObject({
      schedule: 'every 3600s',
      runCount: 1,
      attempt: 1,
      leaseOwner: null,
      lastError: null,
    })
    expect(state?.nextRunAt.getTime()).toBe((contexts[0]?.scheduledAt.getTime() ?? 0) + HOUR * 1000)
  })

  it('keeps its schedule across a runner restart (the next run is not reset)', async () => {
    let runs = 0
    const job: PeriodicJob = { name: 'test.hourly', every: HOUR, run: async () => void runs++ }
    const first = await start([job])
    await vi.waitFor(async () => expect((await stateOf('test.hourly'))?.runCount).toBe(1), until)
    const before = await stateOf('test.hourly')
    await first.stop()

    const p = probe()
    await start([job, p.job])
    await passes(p, 3)
    const after = await stateOf('test.hourly')
    expect(runs).toBe(1)
    expect(after?.nextRunAt).toEqual(before?.nextRunAt)
    expect(after?.runCount).toBe(1)
  })

  it('runs a missed job once after downtime, not once per missed period', async () => {
    let runs = 0
    const job: PeriodicJob = { name: 'test.hourly', every: HOUR, run: async () => void runs++ }
    const first = await start([job])
    await vi.waitFor(async () => expect((await stateOf('test.hourly'))?.runCount).toBe(1), until)
    await first.stop()
    // Down for five periods.
    const missed = new Date(Date.now() - 5 * HOUR * 1000)
    await db()
      .withTables<JobsTables>()
      .updateTable('jobs.periodic')
      .set({ next_run_at: missed })
      .where('name', '=', 'test.hourly')
      .execute()

    const p = probe()
    await start([job, p.job])
    await vi.waitFor(async () => expect((await stateOf('test.hourly'))?.runCount).toBe(2), until)
    await passes(p, 3)
    const state = await stateOf('test.hourly')
    expect(runs).toBe(2)
    expect(state?.runCount).toBe(2)
    const next = state?.nextRunAt.getTime() ?? 0
    expect(next).toBeGreaterThan(Date.now())
    expect(next - missed.getTime()).toBe(6 * HOUR * 1000) // same phase, one slot after now
  })

  it('updates the row when the schedule changes in code', async () => {
    const first = await start([{ name: 'test.changing', every: HOUR, run: async () => {} }])
    await vi.waitFor(async () => expect((await stateOf('test.changing'))?.runCount).toBe(1), until)
    const ran = await stateOf('test.changing')
    await first.stop()

    const second = await start([{ name: 'test.changing', every: 600, run: async () => {} }])
    const shorter = await stateOf('test.changing')
    expect(shorter?.schedule).toBe('every 600s')
    expect(shorter?.nextRunAt.getTime()).toBe((ran?.lastStartedAt?.getTime() ?? 0) + 600_000)
    await second.stop()

    await start([{ name: 'test.changing', cron: '0 3 * * *', run: async () => {} }])
    const cron = await stateOf('test.changing')
    expect(cron?.schedule).toBe('cron 0 3 * * *')
    expect(cron?.nextRunAt.toISOString()).toMatch(/T03:00:00\.000Z$/)
  })

  it('records a failure with its error and schedules the next run', async () => {
    await start([
      {
        name: 'test.failing',
        every: HOUR,
        run: async () => {
          throw new Error('source unavailable')
        },
      },
    ])
    await vi.waitFor(
      async () => expect((await stateOf('test.failing'))?.status).toBe('failed'),
      until,
    )
    const state = await stateOf('test.failing')
    expect(state).toMatchObject({
      lastError: 'Error: source unavailable',
      runCount: 1,
      leaseOwner: null,
    })
    expect(state?.nextRunAt.getTime()).toBeGreaterThan(Date.now())
  })

  it('persists progress while running, and shows who holds the job', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const runner = await start([
      {
        name: 'test.backfill',
        every: HOUR,
        async run(ctx) {
          await ctx.progress(5, 10, 'halfway')
          await released
          await ctx.progress(10, 10, 'done')
        },
      },
    ])
    await vi.waitFor(
      async () =>
        expect((await stateOf('test.backfill'))?.progress).toEqual({
          done: 5,
          total: 10,
          note: 'halfway',
        }),
      until,
    )
    const running = await stateOf('test.backfill')
    expect(running).toMatchObject({ status: 'running', leaseOwner: runner.owner })
    expect(running?.leaseUntil?.getTime()).toBeGreaterThan(Date.now())
    release()
    await vi.waitFor(
      async () => expect((await stateOf('test.backfill'))?.status).toBe('succeeded'),
      until,
    )
    expect((await stateOf('test.backfill'))?.progress).toEqual({
      done: 10,
      total: 10,
      note: 'done',
    })
  })

  it('leaves a job stopped mid-run due, so the next start resumes it as attempt 2', async () => {
    const attempts: number[] = []
    const job: PeriodicJob = {
      name: 'test.resumable',
      every: HOUR,
      async run(ctx) {
        attempts.push(ctx.attempt)
        if (ctx.attempt > 1) return
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
        throw ctx.signal.reason
      },
    }
    const first = await start([job])
    await vi.waitFor(() => expect(attempts).toEqual([1]), until)
    await first.stop()
    expect(await stateOf('test.resumable')).toMatchObject({
      status: 'interrupted',
      runCount: 0,
      leaseOwner: null,
    })
    await start([job])
    await vi.waitFor(
      async () => expect((await stateOf('test.resumable'))?.status).toBe('succeeded'),
      until,
    )
    expect(attempts).toEqual([1, 2])
  })
})
