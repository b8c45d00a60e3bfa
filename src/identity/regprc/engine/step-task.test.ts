import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import { createJobRunner, type JobRunner } from '../../../platform/jobs/index.js'
import { makePacket } from '../test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from '../test-support/regprc-harness.js'
import { stepTask } from './step-task.js'

describe.each(testBackends)('workflow steps as platform tasks on %s', (backend) => {
  let h: RegprcHarness | undefined
  let runner: JobRunner | undefined
  afterEach(async () => {
    await runner?.stop()
    await h?.close()
    runner = h = undefined
  })

  it('runs a registration to the end through the job runner, one task per stage', async () => {
    h = await openRegprcHarness(backend, {}, { tasks: true })
    const engine = h.engine
    runner = createJobRunner({
      database: h.database,
      tasks: [stepTask(() => engine)],
      pollIntervalMs: 50,
    })
    await runner.start()
    const { packet } = makePacket()
    const id = await h.submit(packet)
    const deadline = Date.now() + 30_000
    while ((await h.registration(id)).status_code === 'PROCESSING' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await h.registration(id)).status_code).toBe('PROCESSED')
    const tasks = await h.database.db
      .withTables<{ 'jobs.task': { name: string; status: string } }>()
      .selectFrom('jobs.task')
      .select(['name', 'status'])
      .execute()
    expect(tasks).toHaveLength(17)
    expect(new Set(tasks.map((t) => `${t.name} ${t.status}`))).toEqual(
      new Set(['identity.regprc.step succeeded']),
    )
  })
})
