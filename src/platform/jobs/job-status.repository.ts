import { z } from 'zod'
import type { Db } from '../db/index.js'
import { jobErrors } from './errors.js'
import type { Progress } from './job-context.js'
import type {
  JobsTables,
  PeriodicJobRow,
  PeriodicJobStatus,
  TaskRow,
  TaskStatus,
} from './jobs.tables.js'
import { describeIssues } from '../errors.js'

/** A periodic job as an admin page shows it. */
export interface PeriodicJobState {
  readonly name: string
  readonly schedule: string
  readonly status: PeriodicJobStatus
  readonly nextRunAt: Date
  readonly lastStartedAt: Date | null
  readonly lastFinishedAt: Date | null
  readonly lastError: string | null
  readonly runCount: number
  readonly attempt: number
  /** Runner holding the job now, and until when; a past `leaseUntil` means the runner died. */
  readonly leaseOwner: string | null
  readonly leaseUntil: Date | null
  readonly progress: Progress | null
}

/** A task as an admin page shows it. The payload is left out: it is the caller's data. */
export interface TaskState {
  readonly id: number
  readonly name: string
  readonly status: TaskStatus
  readonly attempts: number
  readonly maxAttempts: number
  readonly runAt: Date
  readonly dedupeKey: string | null
  readonly lastError: string | null
  readonly leaseOwner: string | null
  readonly leaseUntil: Date | null
  readonly createdAt: Date
  readonly startedAt: Date | null
  readonly finishedAt: Date | null
  readonly progress: Progress | null
}

export const taskFilterSchema = z.object({
  status: z.enum(['queued', 'running', 'succeeded', 'dead']).optional(),
  name: z.string().max(100).optional(),
  /** Tasks with a smaller id than this, for paging back. */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(50),
})
export type TaskFilter = z.input<typeof taskFilterSchema>

/** Every periodic job known to the database, by name. */
export async function listPeriodicJobs(db: Db): Promise<PeriodicJobState[]> {
  const rows = await db
    .withTables<JobsTables>()
    .selectFrom('jobs.periodic')
    .selectAll()
    .orderBy('name')
    .execute()
  return rows.map(periodicState)
}

/** Recent tasks, newest first. */
export async function listTasks(db: Db, filter: TaskFilter = {}): Promise<TaskState[]> {
  const parsed = taskFilterSchema.safeParse(filter)
  if (!parsed.success)
    throw jobErrors.invalidEnqueue(`task filter: ${describeIssues(parsed.error)}`)
  const { status, name, beforeId, limit } = parsed.data
  let query = db.withTables<JobsTables>().selectFrom('jobs.task').selectAll()
  if (status) query = query.where('status', '=', status)
  if (name) query = query.where('name', '=', name)
  if (beforeId) query = query.where('id', '<', beforeId)
  const rows = await query.orderBy('id', 'desc').limit(limit).execute()
  return rows.map(taskState)
}

/** One task, or undefined. */
export async function getTask(db: Db, id: number): Promise<TaskState | undefined> {
  const row = await db
    .withTables<JobsTables>()
    .selectFrom('jobs.task')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && taskState(row)
}

function periodicState(row: PeriodicJobRow): PeriodicJobState {
  return {
    name: row.name,
    schedule: row.schedule,
    status: row.status,
    nextRunAt: row.next_run_at,
    lastStartedAt: row.last_started_at,
    lastFinishedAt: row.last_finished_at,
    lastError: row.last_error,
    runCount: row.run_count,
    attempt: row.attempt,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    progress: progressOf(row),
  }
}

function taskState(row: TaskRow): TaskState {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    dedupeKey: row.dedupe_key,
    lastError: row.last_error,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: progressOf(row),
  }
}

function progressOf(
  row: Pick<TaskRow, 'progress_done' | 'progress_total' | 'progress_note'>,
): Progress | null {
  if (row.progress_done === null) return null
  return { done: row.progress_done, total: row.progress_total, note: row.progress_note }
}
