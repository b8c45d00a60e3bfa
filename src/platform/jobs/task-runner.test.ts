import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { testBackends } from '../db/test-database.js'
import { getTask, listTasks } from './job-status.repository.js'
import { defineTask } from './task-definition.js'
import { useTestJobRunners } from './test-job-runners.js'

const until = { timeout: 15_000, interval: 25 }

describe.each(testBackends)('task runner on %s', (backend) => {
  const runners = useTestJobRunners(backend)
  const db = runners.db
  const start = runners.start

  it('runs a task with its parsed payload and records success and progress', async () => {
    const seen: unknown[] = []
    const runner = await start({
      tasks: [
        defineTask({
          name: 'reports.export',
          schema: z.object({ rows: z.coerce.number() }),
          async run(payload, ctx) {
            seen.push({ payload, attempt: ctx.attempt })
            await ctx.progress(payload.rows, payload.rows, 'written')
          },
        }),
      ],
    })
    const { id } = await runner.enqueue('reports.export', { rows: '3' })
    await vi.waitFor(async () => expect((await getTask(db(), id))?.status).toBe('succeeded'), until)
    expect(seen).toEqual([{ payload: { rows: 3 }, attempt: 1 }])
    expect(await getTask(db(), id)).toMatchObject({
      attempts: 1,
      lastError: null,
      leaseOwner: null,
      progress: { done: 3, total: 3, note: 'written' },
    })
  })

  it('retries with backoff, then marks the task dead with its error', async () => {
    const attempts: number[] = []
    const flaky = defineTask({
      name: 'notify.flaky',
      schema: z.object({}),
      maxAttempts: 3,
      backoff: { baseSeconds: 0.05, maxSeconds: 0.2 },
      async run(_payload, ctx) {
        attempts.push(ctx.attempt)
        throw new Error(`gateway said no (${ctx.attempt})`)
      },
    })
    const runner = await start({ tasks: [flaky] })
    const { id } = await runner.enqueue(flaky, {})
    await vi.waitFor(async () => expect((await getTask(db(), id))?.status).toBe('dead'), until)
    expect(attempts).toEqual([1, 2, 3])
    expect(await getTask(db(), id)).toMatchObject({
      attempts: 3,
      maxAttempts: 3,
      lastError: 'Error: gateway said no (3)',
      finishedAt: expect.any(Date),
    })
    expect(await listTasks(db(), { status: 'dead' })).toHaveLength(1)
  })

  it('waits before a retry (exponential backoff with jitter)', async () => {
    const runner = await start({
      tasks: [
        defineTask({
          name: 'slow.retry',
          schema: z.object({}),
          backoff: { baseSeconds: 3600, maxSeconds: 7200 },
          run: async () => {
            throw new Error('not yet')
          },
        }),
      ],
    })
    const { id } = await runner.enqueue('slow.retry', {})
    await vi.waitFor(async () => expect((await getTask(db(), id))?.attempts).toBe(1), until)
    await vi.waitFor(async () => expect((await getTask(db(), id))?.status).toBe('queued'), until)
    const task = await getTask(db(), id)
    const waitSeconds = ((task?.runAt.getTime() ?? 0) - (task?.startedAt?.getTime() ?? 0)) / 1000
    expect(waitSeconds).toBeGreaterThanOrEqual(1800)
    expect(waitSeconds).toBeLessThanOrEqual(3601)
    expect(task?.lastError).toBe('Error: not yet')
  })

  it('marks a task dead at once when its payload does not fit the schema', async () => {
    let ran = false
    const runner = await start({
      tasks: [
        defineTask({
          name: 'strict.task',
          schema: z.object({ uin: z.string().regex(/^\d{10}$/) }),
          run: async () => void (ran = true),
        }),
      ],
    })
    const { id } = await runner.enqueue('strict.task', { uin: 42 })
    await vi.waitFor(async () => expect((await getTask(db(), id))?.status).toBe('dead'), until)
    const task = await getTask(db(), id)
    expect(task?.attempts).toBe(1)
    expect(task?.lastError).toMatch(/^Invalid payload: uin: /)
    expect(task?.lastError).not.toContain('42')
    expect(ran).toBe(false)
  })

  it('wakes on enqueue through LISTEN/NOTIFY, long before its next poll', async () => {
    const ran: number[] = []
    const runner = await start({
      pollIntervalMs: 600_000,
      tasks: [
        defineTask({
          name: 'wake.me',
          schema: z.object({ n: z.number() }),
          run: async ({ n }) => void ran.push(n),
        }),
      ],
    })
    await runner.enqueue('wake.me', { n: 1 })
    await vi.waitFor(() => expect(ran).toEqual([1]), until)
  })

  it('stops gracefully: aborts the signal, waits for running work, and requeues interrupted tasks', async () => {
    const events: string[] = []
    let started = false
    const runner = await start({
      tasks: [
        defineTask({
          name: 'long.cooperative',
          schema: z.object({}),
          async run(_payload, ctx) {
            started = true
            await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
            events.push('cooperative saw abort')
            throw ctx.signal.reason
          },
        }),
      ],
    })
    const { id } = await runner.enqueue('long.cooperative', {})
    await vi.waitFor(() => expect(started).toBe(true), until)
    await runner.stop()
    events.push('stopped')
    expect(events).toEqual(['cooperative saw abort', 'stopped'])
    // Not counted as an attempt: it will run again in full.
    expect(await getTask(db(), id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      leaseOwner: null,
    })
  })
})
