import { type Kysely, sql } from 'kysely'
import type { MasterTables } from './master.tables.js'

/**
 * Whether `dayCode` (101 = Sunday ... 107 = Saturday) is a working day of the center: its own
 * reg_working_nonworking row if it has one, else the country's default from daysofweek_list.
 */
export async function isWorkingDay(
  db: Kysely<MasterTables>,
  centerId: string,
  dayCode: string,
): Promise<boolean> {
  const { rows } = await sql<{ working: boolean | null }>`
    select coalesce(
      (select is_working from master.reg_working_nonworking where regcntr_id = ${centerId}
        and day_code = ${dayCode} and is_active and is_deleted is not true),
      (select is_global_working from master.daysofweek_list where code = ${dayCode}
        and lang_code = 'eng' and is_active)) as working`.execute(db)
  return rows[0]?.working === true
}

/** Whether `date` is a holiday of the center itself or of its holiday location. */
export async function isHoliday(
  db: Kysely<MasterTables>,
  centerId: string,
  holidayLocationCode: string | null,
  date: string,
): Promise<boolean> {
  const { rows } = await sql<{ holiday: boolean }>`
    select exists (select 1 from master.reg_exceptional_holiday where regcntr_id = ${centerId}
        and hol_date = ${date}::date and is_active and is_deleted is not true)
      or exists (select 1 from master.loc_holiday where location_code = ${holidayLocationCode}
        and holiday_date = ${date}::date and is_active and is_deleted is not true) as holiday`.execute(
    db,
  )
  return rows[0]?.holiday === true
}

/** Replaces the center's working-day rows with the given set (the other days become non-working). */
export async function replaceWorkingDays(
  db: Kysely<MasterTables>,
  centerId: string,
  workingDays: readonly string[],
  by: string,
  at: Date,
): Promise<void> {
  await db.deleteFrom('master.reg_working_nonworking').where('regcntr_id', '=', centerId).execute()
  const rows = ['101', '102', '103', '104', '105', '106', '107'].map((day_code) => ({
    regcntr_id: centerId,
    day_code,
    lang_code: 'eng',
    is_working: workingDays.includes(day_code),
    is_active: true,
    cr_by: by,
    cr_dtimes: at,
    is_deleted: false,
  }))
  await db.insertInto('master.reg_working_nonworking').values(rows).execute()
}

export async function workingDaysOf(
  db: Kysely<MasterTables>,
  centerId: string,
): Promise<{ dayCode: string; working: boolean }[]> {
  const { rows } = await sql<{ code: string; working: boolean }>`
    select d.code, coalesce(w.is_working, d.is_global_working) as working
    from master.daysofweek_list d
    left join master.reg_working_nonworking w on w.regcntr_id = ${centerId}
      and w.day_code = d.code and w.is_active and w.is_deleted is not true
    where d.lang_code = 'eng' order by d.code`.execute(db)
  return rows.map((row) => ({ dayCode: row.code, working: row.working }))
}

/** Adds (or replaces) a holiday of the center; the name is a label like "Eid", not personal data. */
export async function upsertCenterHoliday(
  db: Kysely<MasterTables>,
  holiday: { centerId: string; date: string; name: string; reason: string | null },
  by: string,
  at: Date,
): Promise<void> {
  await sql`insert into master.reg_exceptional_holiday (regcntr_id, hol_date, hol_name,
      hol_reason, lang_code, is_active, cr_by, cr_dtimes, is_deleted)
    values (${holiday.centerId}, ${holiday.date}::date, ${holiday.name}, ${holiday.reason}, 'eng',
      true, ${by}, ${at}, false)
    on conflict (regcntr_id, hol_date) do update set hol_name = excluded.hol_name,
      hol_reason = excluded.hol_reason, is_active = true, is_deleted = false, del_dtimes = null,
      upd_by = ${by}, upd_dtimes = ${at}`.execute(db)
}

export async function centerHolidays(
  db: Kysely<MasterTables>,
  centerId: string,
): Promise<{ date: string; name: string | null; reason: string | null }[]> {
  const rows = await db
    .selectFrom('master.reg_exceptional_holiday')
    .select(['hol_date', 'hol_name', 'hol_reason'])
    .where('regcntr_id', '=', centerId)
    .where('is_active', '=', true)
    .where((eb) => eb.or([eb('is_deleted', 'is', null), eb('is_deleted', '=', false)]))
    .orderBy('hol_date')
    .execute()
  return rows.map((row) => ({ date: row.hol_date, name: row.hol_name, reason: row.hol_reason }))
}
