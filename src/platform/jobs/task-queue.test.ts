import { type Generated, sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { createJobRunner, type JobRunner } from './job-runner.js'
import { jobsHistory } from './jobs.migrations.js'
import type { JobsTables } from './jobs.tables.js'
import { defineTask } from './task-definition.js'
import { createTaskQueue, jobsChannel } from './task-queue.js'

/** Tables of an imaginary calling module, to show a caller's transaction is accepted as is. */
type CallerTables = {
  caller_thing: { id: Generated<number>; label: string }
}

describe.each(testBackends)('task queue on %s', (backend) => {
  let database: TestDatabase
  let runner: JobRunner | undefined
  afterEach(async () => {
    await runner?.stop()
    runner = undefined
    await database?.drop()
  })

  const open = async () => {
    database = await createTestDatabase(backend, [jobsHistory])
    return createTaskQueue(database.db)
  }
  const tasks = () =>
    database.db.withTables<JobsTables>().selectFrom('jobs.task').selectAll().orderBy('id').execute()

  it('stores a queued task and notifies runners', async () => {
    const queue = await open()
    const heard: string[] = []
    const unlisten = await database.listen(jobsChannel, (name) => heard.push(name))
    const enqueued = await queue.enqueue(
      'reports.rollup',
      { day: '2026-03-01' },
      { maxAttempts: 2 },
    )
    expect(enqueued.deduplicated).toBe(false)
    const [row] = await tasks()
    expect(row).toMatchObject({
      id: enqueued.id,
      name: 'reports.rollup',
      payload: { day: '2026-03-01' },
      status: 'queued',
      attempts: 0,
      max_attempts: 2,
    })
    await vi.waitFor(() => expect(heard).toEqual(['reports.rollup']))
    await unlisten()
  })

  it('keeps one live task per dedupe key', async () => {
    const queue = await open()
    const first = await queue.enqueue('notify.digest', { to: 'u1' }, { dedupeKey: 'u1' })
    const again = await queue.enqueue('notify.digest', { to: 'u1' }, { dedupeKey: 'u1' })
    const other = await queue.enqueue('notify.digest', { to: 'u2' }, { dedupeKey: 'u2' })
    const sameKeyOtherTask = await queue.enqueue('notify.other', {}, { dedupeKey: 'u1' })
    expect(again).toEqual({ id: first.id, deduplicated: true })
    expect(other.deduplicated).toBe(false)
    expect(sameKeyOtherTask.deduplicated).toBe(false)
    expect(await tasks()).toHaveLength(3)
    // Once the task has finished, the key is free again.
    await database.db
      .withTables<JobsTables>()
      .updateTable('jobs.task')
      .set({ status: 'succeeded', finished_at: new Date() })
      .where('id', '=', first.id)
      .execute()
    const later = await queue.enqueue('notify.digest', { to: 'u1' }, { dedupeKey: 'u1' })
    expect(later.deduplicated).toBe(false)
    expect(later.id).not.toBe(first.id)
  })

  it('enqueues atomically with the caller’s transaction; a rolled-back task never runs', async () => {
    const queue = await open()
    await sql`create table caller_thing (id serial primary key, label text not null)`.execute(
      database.db,
    )
    const callerDb = database.db.withTables<CallerTables>()

    await expect(
      callerDb.transaction().execute(async (trx) => {
        await trx.insertInto('caller_thing').values({ label: 'rolled back' }).execute()
        await queue.enqueue('caller.work', { label: 'rolled back' }, { trx })
        throw new Error('abort the transaction')
      }),
    ).rejects.toThrow('abort the transaction')
    expect(await tasks()).toEqual([])

    await callerDb.transaction().execute(async (trx) => {
      await trx.insertInto('caller_thing').values({ label: 'committed' }).execute()
      await queue.enqueue('caller.work', { label: 'committed' }, { trx })
    })
    const ran: string[] = []
    runner = createJobRunner({
      database,
      pollIntervalMs: 50,
      tasks: [
        defineTask({
          name: 'caller.work',
          schema: z.object({ label: z.string() }),
          run: async ({ label }) => void ran.push(label),
        }),
      ],
    })
    await runner.start()
    await vi.waitFor(async () => expect((await tasks())[0]?.status).toBe('succeeded'), {
      timeout: 10_000,
    })
    expect(ran).toEqual(['committed'])
    expect(await tasks()).toHaveLength(1)
    const things = await callerDb.selectFrom('caller_thing').select('label').execute()
    expect(things).toEqual([{ label: 'committed' }])
  })

  it('checks payloads against a definition and rejects bad options', async () => {
    const queue = await open()
    const sendSms = defineTask({
      name: 'notify.sms',
      schema: z.object({ messageId: z.string().uuid() }),
      run: async () => {},
    })
    await expect(queue.enqueue(sendSms, { messageId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'MOS-JOB-002',
      message: expect.stringContaining('messageId'),
    })
    await expect(queue.enqueue('Bad Name', {})).rejects.toMatchObject({ code: 'MOS-JOB-003' })
    await expect(queue.enqueue('ok', {}, { maxAttempts: 0 })).rejects.toMatchObject({
      code: 'MOS-JOB-003',
    })
    await expect(queue.enqueue('ok', { n: 1n })).rejects.toMatchObject({ code: 'MOS-JOB-003' })
    expect(await tasks()).toEqual([])
  })
})
