import { afterEach } from 'vitest'
import type { Backend } from '../db/index.js'
import { createTestDatabase, type TestDatabase } from '../db/test-database.js'
import { createJobRunner, type JobRunner } from './job-runner.js'
import type { JobRunnerOptions } from './job-runner.options.js'
import { jobsHistory } from './jobs.migrations.js'

/**
 * Job runners for one test at a time, with fast polling: `start()` opens the test's database on
 * first use and starts a runner on it; every runner is stopped and the database dropped after
 * each test. Call inside a describe block.
 */
export function useTestJobRunners(backend: Backend) {
  let database: TestDatabase | undefined
  const runners: JobRunner[] = []
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()))
    await database?.drop()
    database = undefined
  })
  return {
    db() {
      if (!database) throw new Error('start a runner first')
      return database.db
    },
    async start(options: Omit<JobRunnerOptions, 'database'>): Promise<JobRunner> {
      database ??= await createTestDatabase(backend, [jobsHistory])
      const runner = createJobRunner({
        database,
        pollIntervalMs: 50,
        progressIntervalMs: 0,
        ...options,
      })
      runners.push(runner)
      await runner.start()
      return runner
    },
  }
}
