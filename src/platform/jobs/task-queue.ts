import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/index.js'
import { jobErrors } from './errors.js'
import { jobNameSchema } from './job-name.js'
import type { JobsTables } from './jobs.tables.js'
import { describeIssues } from '../errors.js'
import { defaultMaxAttempts, type TaskDefinition } from './task-definition.js'

/** NOTIFY channel on which enqueues wake the runners. */
export const jobsChannel = 'mosaic_jobs'

/**
 * Anything that runs a compiled query: the caller's Kysely handle or transaction, whatever its
 * table types, so a task can be enqueued atomically with the caller's own writes.
 */
export type QueryExecutor = Pick<Kysely<object>, 'executeQuery'>

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date
  /** While a task with this name and key is queued or running, enqueueing another returns it. */
  dedupeKey?: string
  /** Attempts before the task is marked dead (default: the definition's, else 5). */
  maxAttempts?: number
  /** The caller's transaction: the task exists (and wakes runners) only if it commits. */
  trx?: QueryExecutor
}

/** The task that now holds the work: a new one, or the live one with the same dedupe key. */
export interface Enqueued {
  readonly id: number
  readonly deduplicated: boolean
}

/** Enqueues one-off tasks for the runners. */
export interface TaskQueue {
  /** Checks `payload` against the definition's schema before storing it. */
  enqueue<S extends z.ZodType>(
    task: TaskDefinition<S>,
    payload: z.input<S>,
    options?: EnqueueOptions,
  ): Promise<Enqueued>
  /** By name, for processes that do not load the handler; the handler checks the payload. */
  enqueue(task: string, payload: unknown, options?: EnqueueOptions): Promise<Enqueued>
}

const optionsSchema = z.object({
  runAt: z
    .date()
    .refine((d) => !Number.isNaN(d.getTime()), 'invalid date')
    .optional(),
  dedupeKey: z.string().min(1).max(200).optional(),
  maxAttempts: z.number().int().min(1).max(1000).optional(),
})

/** A TaskQueue over `db` (migrated with `jobsHistory`). */
export function createTaskQueue(db: Db): TaskQueue {
  const jobs = db.withTables<JobsTables>()
  async function enqueue<S extends z.ZodType>(
    task: TaskDefinition<S>,
    payload: z.input<S>,
    options?: EnqueueOptions,
  ): Promise<Enqueued>
  async function enqueue(
    task: string,
    payload: unknown,
    options?: EnqueueOptions,
  ): Promise<Enqueued>
  async function enqueue(
    task: string | TaskDefinition,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<Enqueued> {
    const name = typeof task === 'string' ? task : task.name
    if (!jobNameSchema.safeParse(name).success) {
      throw jobErrors.invalidEnqueue(`task name ${JSON.stringify(name)}`)
    }
    if (typeof task !== 'string') {
      const checked = task.schema.safeParse(payload)
      if (!checked.success) throw jobErrors.invalidPayload(name, describeIssues(checked.error))
    }
    const parsed = optionsSchema.safeParse({ ...options, trx: undefined })
    if (!parsed.success) throw jobErrors.invalidEnqueue(describeIssues(parsed.error))
    const { runAt, dedupeKey } = parsed.data
    const maxAttempts =
      parsed.data.maxAttempts ??
      (typeof task === 'string' ? undefined : task.maxAttempts) ??
      defaultMaxAttempts
    const json = toJson(payload)
    const executor: QueryExecutor = options.trx ?? jobs

    // A live task with the same key can finish between our insert and our select; then insert again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const inserted = await executor.executeQuery(
        jobs
          .insertInto('jobs.task')
          .values({
            name,
            payload: json,
            status: 'queued',
            run_at: runAt ?? sql<Date>`now()`,
            attempts: 0,
            max_attempts: maxAttempts,
            dedupe_key: dedupeKey ?? null,
            created_at: sql<Date>`now()`,
          })
          .onConflict((oc) =>
            oc
              .columns(['name', 'dedupe_key'])
              .where(sql<boolean>`dedupe_key is not null and status in ('queued', 'running')`)
              .doNothing(),
          )
          .returning('id')
          .compile(),
      )
      const id = inserted.rows[0]?.id
      if (id !== undefined) {
        await executor.executeQuery(sql`select pg_notify(${jobsChannel}, ${name})`.compile(jobs))
        return { id, deduplicated: false }
      }
      if (dedupeKey === undefined) break
      const live = await executor.executeQuery(
        jobs
          .selectFrom('jobs.task')
          .select('id')
          .where('name', '=', name)
          .where('dedupe_key', '=', dedupeKey)
          .where('status', 'in', ['queued', 'running'])
          .compile(),
      )
      const existing = live.rows[0]?.id
      if (existing !== undefined) return { id: existing, deduplicated: true }
    }
    throw jobErrors.invalidEnqueue('the task could not be stored; try again')
  }
  return { enqueue }
}

function toJson(payload: unknown): string {
  try {
    const json = JSON.stringify(payload ?? null)
    if (typeof json === 'string') return json
  } catch {
    // BigInt or a cycle: reported below.
  }
  throw jobErrors.invalidEnqueue('the payload is not JSON-serialisable')
}
