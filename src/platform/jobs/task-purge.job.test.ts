import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { listTasks } from './job-status.repository.js'
import { jobsHistory } from './jobs.migrations.js'
import type { JobsTables } from './jobs.tables.js'
import { purgeFinishedTasks } from './task-purge.job.js'
import { createTaskQueue } from './task-queue.js'

describe.each(testBackends)('task retention on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('deletes only finished tasks older than the retention, and lists tasks newest first', async () => {
    database = await createTestDatabase(backend, [jobsHistory])
    const queue = createTaskQueue(database.db)
    const ids: number[] = []
    for (let i = 0; i < 4; i++) ids.push((await queue.enqueue('test.kept', { i })).id)
    const old = new Date(Date.now() - 30 * 86_400_000)
    const finish = (id: number | undefined, status: 'succeeded' | 'dead', at: Date) =>
      database.db
        .withTables<JobsTables>()
        .updateTable('jobs.task')
        .set({ status, finished_at: at })
        .where('id', '=', id ?? 0)
        .execute()
    await finish(ids[0], 'succeeded', old)
    await finish(ids[1], 'dead', old)
    await finish(ids[2], 'succeeded', new Date())

    expect(await purgeFinishedTasks(database.db, 14 * 86_400)).toBe(2)
    const left = await listTasks(database.db)
    expect(left.map((task) => task.id)).toEqual([ids[3], ids[2]])
    expect(await listTasks(database.db, { status: 'queued' })).toHaveLength(1)
    expect(await listTasks(database.db, { beforeId: ids[3], limit: 1 })).toHaveLength(1)
  })
})
