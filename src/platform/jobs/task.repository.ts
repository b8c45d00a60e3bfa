import { sql } from 'kysely'
import { type Claim, type JobsDb, secondsFromNow } from './jobs-db.js'
import type { Progress } from './job-context.js'
import type { TaskRow } from './jobs.tables.js'
import { progressColumns } from './progress-writer.js'

export type TaskClaim = Claim<TaskRow>

/** Leases the oldest due queued task among `names`, skipping rows other runners are claiming. */
export async function claimTask(
  db: JobsDb,
  names: readonly string[],
  owner: string,
  leaseSeconds: number,
  exclude: readonly number[],
): Promise<TaskClaim | undefined> {
  if (names.length === 0) return undefined
  const row = await db
    .updateTable('jobs.task')
    .set({
      status: 'running',
      attempts: sql<number>`attempts + 1`,
      lease_owner: owner,
      lease_until: secondsFromNow(leaseSeconds),
      started_at: sql<Date>`now()`,
      progress_done: null,
      progress_total: null,
      progress_note: null,
    })
    .where('id', '=', (eb) => {
      let due = eb
        .selectFrom('jobs.task')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_at', '<=', sql<Date>`now()`)
        .where('name', 'in', names)
      if (exclude.length > 0) due = due.where('id', 'not in', exclude)
      return due.orderBy('run_at').orderBy('id').limit(1).forUpdate().skipLocked()
    })
    .returningAll()
    .returning(sql<Date>`now()`.as('db_now'))
    .executeTakeFirst()
  if (!row) return undefined
  const { db_now: dbNow, ...rest } = row
  return { row: rest, dbNow }
}

/** How a finished attempt ended. */
export type TaskOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'retry'; readonly error: string; readonly delaySeconds: number }
  | { readonly kind: 'dead'; readonly error: string }
  /** Stopped by the runner before it finished: queued again, the attempt not counted. */
  | { readonly kind: 'released' }

/** Records an attempt's outcome and frees the lease. False if the lease was lost meanwhile. */
export async function finishTask(
  db: JobsDb,
  id: number,
  owner: string,
  outcome: TaskOutcome,
  progress: Progress | null,
): Promise<boolean> {
  const common = {
    lease_owner: null,
    lease_until: null,
    ...(progress && progressColumns(progress)),
  }
  const changes =
    outcome.kind === 'succeeded'
      ? { status: 'succeeded' as const, finished_at: sql<Date>`now()`, last_error: null }
      : outcome.kind === 'dead'
        ? { status: 'dead' as const, finished_at: sql<Date>`now()`, last_error: outcome.error }
        : outcome.kind === 'retry'
          ? {
              status: 'queued' as const,
              run_at: secondsFromNow(outcome.delaySeconds),
              last_error: outcome.error,
            }
          : {
              status: 'queued' as const,
              run_at: sql<Date>`now()`,
              attempts: sql<number>`attempts - 1`,
            }
  const result = await db
    .updateTable('jobs.task')
    .set({ ...common, ...changes })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Extends the leases `owner` holds; returns the ids still held. */
export async function extendTaskLeases(
  db: JobsDb,
  ids: readonly number[],
  owner: string,
  leaseSeconds: number,
): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await db
    .updateTable('jobs.task')
    .set({ lease_until: secondsFromNow(leaseSeconds) })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .returning('id')
    .execute()
  return rows.map((row) => row.id)
}

/** Saves a running task's progress. */
export async function writeTaskProgress(db: JobsDb, id: number, owner: string, progress: Progress) {
  await db
    .updateTable('jobs.task')
    .set(progressColumns(progress))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute()
}

/**
 * Tasks whose runner stopped heartbeating (it died, or lost the database): queued again, or dead
 * when that was their last attempt. Returns how many were recovered.
 */
export async function recoverExpiredTasks(db: JobsDb): Promise<number> {
  const expired = sql<boolean>`status = 'running' and lease_until < now()`
  const dead = await db
    .updateTable('jobs.task')
    .set({
      status: 'dead',
      finished_at: sql<Date>`now()`,
      last_error: 'The runner stopped during the last attempt (its lease expired)',
      lease_owner: null,
      lease_until: null,
    })
    .where(expired)
    .where(sql<boolean>`attempts >= max_attempts`)
    .executeTakeFirst()
  const requeued = await db
    .updateTable('jobs.task')
    .set({
      status: 'queued',
      run_at: sql<Date>`now()`,
      last_error: 'The runner stopped during the attempt (its lease expired)',
      lease_owner: null,
      lease_until: null,
    })
    .where(expired)
    .executeTakeFirst()
  return Number(dead.numUpdatedRows + requeued.numUpdatedRows)
}

/** Milliseconds until the next queued task among `names` is due (0 if one is due), or null. */
export async function msUntilNextTask(
  db: JobsDb,
  names: readonly string[],
): Promise<number | null> {
  if (names.length === 0) return null
  const row = await db
    .selectFrom('jobs.task')
    .select(sql<string | number | null>`extract(epoch from min(run_at) - now()) * 1000`.as('ms'))
    .where('status', '=', 'queued')
    .where('name', 'in', names)
    .executeTakeFirst()
  const ms = row?.ms
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms))
}
