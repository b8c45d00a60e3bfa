import { sql } from 'kysely'
import { type Claim, type JobsDb, secondsFromNow } from './jobs-db.js'
import type { Progress } from './job-context.js'
import { progressColumns } from './progress-writer.js'
import type { PeriodicJobRow, PeriodicJobStatus } from './jobs.tables.js'
import type { CheckedPeriodicJob } from './periodic-job.js'
import { describeSchedule, firstRunAt, rescheduledRunAt } from './schedule.js'

export type PeriodicClaim = Claim<PeriodicJobRow>

/** Creates rows for new jobs and reschedules jobs whose schedule changed in code. */
export async function syncPeriodicJobs(
  db: JobsDb,
  jobs: readonly CheckedPeriodicJob[],
): Promise<void> {
  if (jobs.length === 0) return
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db)
  const now = rows[0]?.now ?? new Date()
  const existing = await db
    .selectFrom('jobs.periodic')
    .select(['name', 'schedule', 'last_started_at'])
    .where(
      'name',
      'in',
      jobs.map((j) => j.job.name),
    )
    .execute()
  const byName = new Map(existing.map((row) => [row.name, row]))
  for (const { job, schedule } of jobs) {
    const text = describeSchedule(schedule)
    const row = byName.get(job.name)
    if (!row) {
      await db
        .insertInto('jobs.periodic')
        .values({
          name: job.name,
          schedule: text,
          next_run_at: firstRunAt(schedule, now),
          status: 'idle',
          attempt: 0,
          run_count: 0,
          last_started_at: null,
          last_finished_at: null,
          last_error: null,
          lease_owner: null,
          lease_until: null,
          progress_done: null,
          progress_total: null,
          progress_note: null,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
    } else if (row.schedule !== text) {
      await db
        .updateTable('jobs.periodic')
        .set({
          schedule: text,
          next_run_at: rescheduledRunAt(schedule, row.last_started_at, now),
          updated_at: now,
        })
        .where('name', '=', job.name)
        .where('schedule', '=', row.schedule)
        .execute()
    }
  }
}

/**
 * Leases one due job among `names` that is not leased (or whose lease expired). SKIP LOCKED
 * keeps concurrent runners from waiting on, or both taking, the same row.
 */
export async function claimPeriodicJob(
  db: JobsDb,
  names: readonly string[],
  owner: string,
  leaseSeconds: number,
): Promise<PeriodicClaim | undefined> {
  if (names.length === 0) return undefined
  const row = await db
    .updateTable('jobs.periodic')
    .set({
      status: 'running',
      // A run that resumes one which never finished (crash, stop) is the next attempt.
      attempt: sql<number>`case when status in ('running', 'interrupted') then attempt + 1 else 1 end`,
      lease_owner: owner,
      lease_until: secondsFromNow(leaseSeconds),
      last_started_at: sql<Date>`now()`,
      progress_done: null,
      progress_total: null,
      progress_note: null,
      updated_at: sql<Date>`now()`,
    })
    .where('name', '=', (eb) =>
      eb
        .selectFrom('jobs.periodic')
        .select('name')
        .where('name', 'in', names)
        .where('next_run_at', '<=', sql<Date>`now()`)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', sql<Date>`now()`)]))
        .orderBy('next_run_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .returning(sql<Date>`now()`.as('db_now'))
    .executeTakeFirst()
  if (!row) return undefined
  const { db_now: dbNow, ...rest } = row
  return { row: rest, dbNow }
}

/** Ends a run: records its outcome and the next run, and frees the lease. False if the lease was lost. */
export async function finishPeriodicJob(
  db: JobsDb,
  name: string,
  owner: string,
  outcome: {
    status: Extract<PeriodicJobStatus, 'succeeded' | 'failed' | 'interrupted'>
    error: string | null
    nextRunAt: Date | null
    progress: Progress | null
  },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs.periodic')
    .set({
      status: outcome.status,
      last_error: outcome.error,
      last_finished_at: sql<Date>`now()`,
      lease_owner: null,
      lease_until: null,
      updated_at: sql<Date>`now()`,
      ...(outcome.status !== 'interrupted' && { run_count: sql<number>`run_count + 1` }),
      ...(outcome.nextRunAt && { next_run_at: outcome.nextRunAt }),
      ...(outcome.progress && progressColumns(outcome.progress)),
    })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Extends the leases `owner` holds; returns the names still held. */
export async function extendPeriodicLeases(
  db: JobsDb,
  names: readonly string[],
  owner: string,
  leaseSeconds: number,
): Promise<string[]> {
  if (names.length === 0) return []
  const rows = await db
    .updateTable('jobs.periodic')
    .set({ lease_until: secondsFromNow(leaseSeconds) })
    .where('name', 'in', names)
    .where('lease_owner', '=', owner)
    .returning('name')
    .execute()
  return rows.map((row) => row.name)
}

/** Saves a running job's progress. */
export async function writePeriodicProgress(
  db: JobsDb,
  name: string,
  owner: string,
  progress: Progress,
): Promise<void> {
  await db
    .updateTable('jobs.periodic')
    .set({ ...progressColumns(progress), updated_at: sql<Date>`now()` })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .execute()
}

/** Milliseconds until one of `names` may be due (0 if one is due now), or null if none exists. */
export async function msUntilNextPeriodic(
  db: JobsDb,
  names: readonly string[],
): Promise<number | null> {
  if (names.length === 0) return null
  const row = await db
    .selectFrom('jobs.periodic')
    .select(
      sql<
        string | number | null
      >`extract(epoch from min(greatest(next_run_at, coalesce(lease_until, next_run_at))) - now()) * 1000`.as(
        'ms',
      ),
    )
    .where('name', 'in', names)
    .executeTakeFirst()
  const ms = row?.ms
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms))
}
