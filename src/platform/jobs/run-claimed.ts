import type { JobContext, JobsLogger } from './job-context.js'
import type { JobsDb } from './jobs-db.js'
import type { CheckedPeriodicJob } from './periodic-job.js'
import {
  finishPeriodicJob,
  type PeriodicClaim,
  writePeriodicProgress,
} from './periodic-job.repository.js'
import { ProgressWriter } from './progress-writer.js'
import { nextRunAt } from './schedule.js'
import { describeIssues } from '../errors.js'
import { backoffSeconds, defaultBackoff, type TaskDefinition } from './task-definition.js'
import {
  finishTask,
  type TaskClaim,
  type TaskOutcome,
  writeTaskProgress,
} from './task.repository.js'

/** What running one claimed job or task needs from its runner. */
export interface RunEnvironment {
  readonly db: JobsDb
  readonly owner: string
  readonly progressIntervalMs: number
  readonly logger: JobsLogger
  /** The database's clock, as estimated from the last claim. */
  now(): Date
}

/** Runs a claimed periodic job, then records its outcome and next run. */
export async function runPeriodicClaim(
  env: RunEnvironment,
  checked: CheckedPeriodicJob,
  { row }: PeriodicClaim,
  signal: AbortSignal,
): Promise<void> {
  const name = row.name
  const progress = new ProgressWriter(
    (p) => writePeriodicProgress(env.db, name, env.owner, p),
    env.progressIntervalMs,
    env.logger,
  )
  const failure = await settle(() =>
    checked.job.run(context(signal, row.attempt, row.next_run_at, progress)),
  )
  const final = await progress.close()
  // Stopped mid-run: leave it due, so the next runner to look resumes it.
  const interrupted = failure !== null && signal.aborted
  const held = await finishPeriodicJob(env.db, name, env.owner, {
    status: interrupted ? 'interrupted' : failure ? 'failed' : 'succeeded',
    error: failure,
    nextRunAt: interrupted ? null : nextRunAt(checked.schedule, row.next_run_at, env.now()),
    progress: final,
  })
  if (failure && !interrupted) env.logger.error({ job: name, err: failure }, 'periodic job failed')
  if (!held) {
    env.logger.warn({ job: name }, 'periodic job ended after its lease lapsed; it may run twice')
  }
}

/** Runs a claimed task (checking its payload first), then records success, retry or death. */
export async function runTaskClaim(
  env: RunEnvironment,
  definition: TaskDefinition,
  { row }: TaskClaim,
  signal: AbortSignal,
): Promise<void> {
  const progress = new ProgressWriter(
    (p) => writeTaskProgress(env.db, row.id, env.owner, p),
    env.progressIntervalMs,
    env.logger,
  )
  let outcome: TaskOutcome
  const payload = definition.schema.safeParse(row.payload)
  if (!payload.success) {
    // A payload that does not fit never will: no retries.
    outcome = { kind: 'dead', error: `Invalid payload: ${describeIssues(payload.error)}` }
  } else {
    const failure = await settle(() =>
      definition.run(payload.data, context(signal, row.attempts, row.run_at, progress)),
    )
    if (failure === null) outcome = { kind: 'succeeded' }
    else if (signal.aborted) outcome = { kind: 'released' }
    else if (row.attempts >= row.max_attempts) outcome = { kind: 'dead', error: failure }
    else {
      const delaySeconds = backoffSeconds(definition.backoff ?? defaultBackoff, row.attempts)
      outcome = { kind: 'retry', error: failure, delaySeconds }
    }
  }
  const final = await progress.close()
  const held = await finishTask(env.db, row.id, env.owner, outcome, final)
  const log = { task: row.name, id: row.id, attempt: row.attempts }
  if (outcome.kind === 'dead') env.logger.error({ ...log, err: outcome.error }, 'task is dead')
  if (outcome.kind === 'retry') {
    env.logger.warn({ ...log, err: outcome.error }, 'task failed; will retry')
  }
  if (!held) env.logger.warn(log, 'task ended after its lease lapsed; it may run twice')
}

function context(
  signal: AbortSignal,
  attempt: number,
  scheduledAt: Date,
  progress: ProgressWriter,
): JobContext {
  return {
    signal,
    attempt,
    scheduledAt,
    progress: (done, total, note) => progress.report(done, total, note),
  }
}

/** Runs `work`; resolves to null on success, else the error's message (no stack: it is stored). */
async function settle(work: () => Promise<void>): Promise<string | null> {
  try {
    await work()
    return null
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return text.slice(0, 2000)
  }
}
