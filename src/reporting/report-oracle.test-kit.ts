import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../platform/db/index.js'
import {
  reportCatalog,
  type ReportId,
  type ReportParamsInput,
  type ReportRow,
} from './report-catalog.js'

/**
 * The reports' oracle: each report as plain SQL straight over MOSIP's source tables (regprc,
 * master, idrepo), written to be read, not to be fast. Tests compare the reporting module with
 * it. Works on PGlite and PostgreSQL (standard SQL plus generate_series, FILTER and to_char).
 * Rows come in the order the catalog documents (text compared bytewise, `collate "C"`, so
 * both databases and JavaScript agree whatever their locale); every value is formatted in SQL (dates as
 * 'YYYY-MM-DD', timestamps as ISO-8601 with 'Z'), so no JavaScript date handling is involved.
 */

/** A registration that is not soft-deleted. */
const live = (alias: string) => sql.raw(`coalesce(${alias}.is_deleted, false) = false`)
/** The center of a registration: the first 5 digits of its RID. */
const centerOf = (alias: string) => sql.raw(`substr(${alias}.reg_id, 1, 5)`)
/** `and <center of alias> = center`, or nothing. */
const centerIs = (alias: string, center: string | undefined) =>
  center === undefined ? sql`` : sql`and ${centerOf(alias)} = ${center}`
/** `ts` falls on the UTC day `day` (a SQL date expression). */
const onDay = (ts: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
  sql`(${ts} >= ${day} and ${ts} < ${day} + 1)`
/** `ts` falls on a day from `from` to `to` (both included). */
const inRange = (ts: RawBuilder<unknown>, from: string, to: string) =>
  sql`(${ts} >= ${from}::date and ${ts} < ${to}::date + 1)`
const isoTimestamp = (ts: RawBuilder<unknown>) =>
  sql`to_char(${ts}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const isoDay = (ts: RawBuilder<unknown>) => sql`to_char(${ts}, 'YYYY-MM-DD')`
/** The days of a range, one row each, as `days.day` (a date). */
const daysOf = (from: string, to: string) =>
  sql`(select g::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') as g) as days`
const finalStatusList = sql.raw(`('PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED')`)
const failedStatusList = sql.raw(`('FAILED', 'REPROCESS_FAILED')`)

/** Registrations of `process` created on `days.day` (correlated to daysOf). */
const createdOnDay = (process: string, center: string | undefined) => sql`(
  select count(*)::int from regprc.registration r
  where r.process = ${process} and ${live('r')} ${centerIs('r', center)}
    and ${onDay(sql.ref('r.pkt_cr_dtimes'), sql.ref('days.day'))})`

async function registrationsPerDay(db: Db, p: ReportParamsInput<'registrations-per-day'>) {
  return sql`select ${isoDay(sql.ref('days.day'))} as date, ${createdOnDay('NEW', p.center)} as count
    from ${daysOf(p.from, p.to)} order by days.day`.execute(db)
}

async function uinUpdates(db: Db, p: ReportParamsInput<'uin-updates'>) {
  return sql`select ${isoDay(sql.ref('days.day'))} as date,
      ${createdOnDay('UPDATE', p.center)} as update,
      ${createdOnDay('RES_UPDATE', p.center)} as res_update
    from ${daysOf(p.from, p.to)} order by days.day`.execute(db)
}

async function registrationsByCenter(db: Db, p: ReportParamsInput<'registrations-by-center'>) {
  return sql`select per_center.center_id,
      (select c.name from master.registration_center c where c.id = per_center.center_id
        order by (c.lang_code = 'eng') desc, c.lang_code collate "C" limit 1) as center_name,
      per_center.count
    from (select ${centerOf('r')} as center_id, count(*)::int as count
          from regprc.registration r
          where ${live('r')} ${centerIs('r', p.center)}
            and ${onDay(sql.ref('r.pkt_cr_dtimes'), sql`${p.date}::date`)}
          group by 1) as per_center
    order by per_center.center_id collate "C"`.execute(db)
}

async function uinByAgeGender(db: Db, p: ReportParamsInput<'uin-by-age-gender'>) {
  return sql`with issued as (
      select ap.cr_dtimes, ap.profile::jsonb -> 'newProfile' as np
      from idrepo.anonymous_profile ap
      where ap.profile::jsonb ->> 'processName' = 'NEW' and ${live('ap')}
        and ${inRange(sql.ref('ap.cr_dtimes'), p.from, p.to)}),
    aged as (
      select case when np ->> 'yearOfBirth' ~ '^[0-9]{4}$'
                  then extract(year from cr_dtimes)::int - (np ->> 'yearOfBirth')::int end as age,
             upper(trim(coalesce(np ->> 'gender', ''))) as gender_value
      from issued),
    banded as (
      select case when age is null or age < 0 then 9
                  when age >= 80 then 8
                  else age / 10 end as band_index,
             case when gender_value = '' then 'UNKNOWN'
                  when gender_value in ('MLE', 'MALE') then 'MLE'
                  when gender_value in ('FLE', 'FEMALE') then 'FLE'
                  when gender_value in ('OTH', 'OTHER', 'OTHERS') then 'OTH'
                  else gender_value end as gender
      from aged)
    select case band_index when 8 then '80+' when 9 then 'UNKNOWN'
                else (band_index * 10)::text || '-' || (band_index * 10 + 9)::text end as age_band,
           gender, count(*)::int as count
    from banded group by band_index, gender order by band_index, gender collate "C"`.execute(db)
}

async function centerApprovalEod(db: Db, p: ReportParamsInput<'center-approval-eod'>) {
  return sql`select ${centerOf('r')} as center_id,
      (count(*) filter (where r.status_code = 'PROCESSED'))::int as approved,
      (count(*) filter (where r.status_code = 'REJECTED'))::int as rejected
    from regprc.registration r
    where r.status_code in ('PROCESSED', 'REJECTED') and ${live('r')} ${centerIs('r', p.center)}
      and ${onDay(sql.ref('r.latest_trn_dtimes'), sql`${p.date}::date`)}
    group by 1 order by ${centerOf('r')} collate "C"`.execute(db)
}

async function centerRejections(db: Db, p: ReportParamsInput<'center-rejections'>) {
  return sql`select r.reg_id, ${isoDay(sql.ref('r.latest_trn_dtimes'))} as date,
      t.trn_type_code as stage, t.sub_status_code as reason_code, t.status_comment as reason
    from regprc.registration r
    left join regprc.registration_transaction t on t.id = r.latest_trn_id
    where r.status_code = 'REJECTED' and ${live('r')} ${centerIs('r', p.center)}
      and ${inRange(sql.ref('r.latest_trn_dtimes'), p.from, p.to)}
    order by r.latest_trn_dtimes::date, r.reg_id collate "C"`.execute(db)
}

async function failedPackets(db: Db, p: ReportParamsInput<'failed-packets'>) {
  return sql`select r.reg_id, ${centerOf('r')} as center_id, r.process,
      t.trn_type_code as stage, t.sub_status_code, t.status_comment,
      ${isoDay(sql.ref('r.latest_trn_dtimes'))} as date
    from regprc.registration r
    left join regprc.registration_transaction t on t.id = r.latest_trn_id
    where r.status_code in ${failedStatusList} and ${live('r')} ${centerIs('r', p.center)}
      and ${inRange(sql.ref('r.latest_trn_dtimes'), p.from, p.to)}
    order by r.latest_trn_dtimes::date, r.reg_id collate "C"`.execute(db)
}

/**
 * Registrations in flight at `asOf` (a SQL timestamp) whose last transaction before it is at
 * least `hours` old, with that transaction's id as `last_id` (correlated helper for both
 * stuck-packets and packet-processing-stats).
 */
const stuckAt = (asOf: RawBuilder<unknown>, hours: number, center: string | undefined) => sql`
  select r.reg_id, r.process, r.status_code, r.latest_trn_dtimes,
    (select t.id from regprc.registration_transaction t
      where t.reg_id = r.reg_id and t.cr_dtimes < ${asOf}
      order by t.cr_dtimes desc, t.id collate "C" desc limit 1) as last_id
  from regprc.registration r
  where ${live('r')} ${centerIs('r', center)}
    and (r.status_code not in ${finalStatusList} or r.latest_trn_dtimes >= ${asOf})
    and exists (select 1 from regprc.registration_transaction t
                where t.reg_id = r.reg_id and t.cr_dtimes < ${asOf})
    and not exists (select 1 from regprc.registration_transaction t
                    where t.reg_id = r.reg_id and t.cr_dtimes < ${asOf}
                      and t.cr_dtimes > ${asOf} - make_interval(hours => ${hours}::int))`

/** Registrations that became FAILED / REPROCESS_FAILED on the day `day` (a SQL date). */
const failedOn = (day: RawBuilder<unknown>, center: string | undefined) => sql`
  select r.reg_id, r.process, r.status_code, r.latest_trn_dtimes, r.latest_trn_id
  from regprc.registration r
  where r.status_code in ${failedStatusList} and ${live('r')} ${centerIs('r', center)}
    and ${onDay(sql.ref('r.latest_trn_dtimes'), day)}`

async function stuckPackets(db: Db, input: ReportParamsInput<'stuck-packets'>) {
  const p = reportCatalog['stuck-packets'].params.parse(input)
  const asOf = sql`(${p.date}::date + 1)::timestamp`
  return sql`with stuck as (${stuckAt(asOf, p.thresholdHours, p.center)}),
    listed as (
      select s.reg_id, s.process, t.trn_type_code as stage,
        case when s.latest_trn_dtimes < ${asOf} then s.status_code else 'PROCESSING' end as status,
        t.cr_dtimes as since
      from stuck s join regprc.registration_transaction t on t.id = s.last_id
      union all
      select f.reg_id, f.process, t.trn_type_code, f.status_code, f.latest_trn_dtimes
      from (${failedOn(sql`${p.date}::date`, p.center)}) as f
      left join regprc.registration_transaction t on t.id = f.latest_trn_id)
    select reg_id, process, stage, status, ${isoTimestamp(sql.ref('since'))} as since,
      floor(extract(epoch from (${asOf} - since)) / 3600)::int as hours
    from listed order by listed.since, reg_id collate "C"`.execute(db)
}

async function packetProcessingStats(db: Db, input: ReportParamsInput<'packet-processing-stats'>) {
  const p = reportCatalog['packet-processing-stats'].params.parse(input)
  const endOfDay = sql`(days.day + 1)::timestamp`
  return sql`select ${isoDay(sql.ref('days.day'))} as date,
      ${createdOnDay('NEW', p.center)} as new,
      ${createdOnDay('UPDATE', p.center)} as update,
      ${createdOnDay('LOST', p.center)} as lost,
      ${createdOnDay('RES_UPDATE', p.center)} as res_update,
      ${createdOnDay('RES_REPRINT', p.center)} as res_reprint,
      (select count(*)::int from (${stuckAt(endOfDay, p.thresholdHours, p.center)}) as s) as stuck,
      (select count(*)::int from (${failedOn(sql.ref('days.day'), p.center)}) as f) as failed
    from ${daysOf(p.from, p.to)} order by days.day`.execute(db)
}

const queries: {
  [I in ReportId]: (db: Db, params: ReportParamsInput<I>) => Promise<{ rows: unknown[] }>
} = {
  'registrations-per-day': registrationsPerDay,
  'uin-updates': uinUpdates,
  'registrations-by-center': registrationsByCenter,
  'uin-by-age-gender': uinByAgeGender,
  'center-approval-eod': centerApprovalEod,
  'center-rejections': centerRejections,
  'failed-packets': failedPackets,
  'packet-processing-stats': packetProcessingStats,
  'stuck-packets': stuckPackets,
}

/**
 * Computes report `id` with the oracle's SQL. Parameters are validated with the catalog's
 * schema first (a bad parameter throws), and every row is checked against the catalog's row
 * schema, so a row that would not satisfy the contract fails here rather than in a comparison.
 */
export async function oracleReport<I extends ReportId>(
  db: Db,
  id: I,
  params: ReportParamsInput<I>,
): Promise<ReportRow<I>[]> {
  const definition = reportCatalog[id]
  definition.params.parse(params)
  const { rows } = await queries[id](db, params)
  return rows.map((row) => definition.row.parse(row) as ReportRow<I>)
}
