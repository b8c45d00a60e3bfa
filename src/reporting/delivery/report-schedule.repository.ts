import type { Insertable, Kysely } from 'kysely'
import type {
  ReportScheduleRow,
  ReportScheduleTable,
  ReportScheduleTables,
  ReportScheduleUpdate,
} from './report-schedule.tables.js'

type ScheduleDb = Kysely<ReportScheduleTables>
const table = 'reporting.report_schedule' as const

/** Stores a new schedule. */
export async function insertSchedule(
  db: ScheduleDb,
  row: Insertable<ReportScheduleTable>,
): Promise<ReportScheduleRow> {
  return db.insertInto(table).values(row).returningAll().executeTakeFirstOrThrow()
}

/** Every schedule, oldest first. */
export async function listSchedules(db: ScheduleDb): Promise<ReportScheduleRow[]> {
  return db.selectFrom(table).selectAll().orderBy('created_at').orderBy('id').execute()
}

export async function findSchedule(
  db: ScheduleDb,
  id: string,
): Promise<ReportScheduleRow | undefined> {
  return db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
}

/** Applies changes; undefined when there is no such schedule. */
export async function updateSchedule(
  db: ScheduleDb,
  id: string,
  changes: ReportScheduleUpdate,
): Promise<ReportScheduleRow | undefined> {
  return db.updateTable(table).set(changes).where('id', '=', id).returningAll().executeTakeFirst()
}

/** Deletes a schedule; false when there was none. */
export async function deleteSchedule(db: ScheduleDb, id: string): Promise<boolean> {
  const result = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Enabled schedules whose time has come, earliest first, with the slot each is due for. */
export async function findDueSchedules(
  db: ScheduleDb,
  now: Date,
  limit: number,
): Promise<Pick<ReportScheduleRow, 'id' | 'next_run_at' | 'cron'>[]> {
  return db
    .selectFrom(table)
    .select(['id', 'next_run_at', 'cron'])
    .where('enabled', '=', true)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(limit)
    .execute()
}

/**
 * Takes one due run: moves next_run_at from the slot that was read to the next one, only if
 * nobody moved it first. The runner that gets the row back sends that run; any other runner
 * gets undefined and skips it, so a run is sent at most once.
 */
export async function claimSchedule(
  db: ScheduleDb,
  id: string,
  slot: Date,
  next: Date,
  now: Date,
): Promise<ReportScheduleRow | undefined> {
  return db
    .updateTable(table)
    .set({ next_run_at: next, last_run_at: now })
    .where('id', '=', id)
    .where('enabled', '=', true)
    .where('next_run_at', '=', slot)
    .returningAll()
    .executeTakeFirst()
}

/** Records how a run ended. */
export async function recordRun(
  db: ScheduleDb,
  id: string,
  outcome: Pick<ReportScheduleRow, 'last_status' | 'last_error' | 'last_message_id'>,
): Promise<ReportScheduleRow | undefined> {
  return db.updateTable(table).set(outcome).where('id', '=', id).returningAll().executeTakeFirst()
}
