import { type QueryExecutorProvider, sql } from 'kysely'
import type { MasterKind } from './errors.js'

/** Where each kind of versioned record and its MOSIP `_h` history live. */
export const recordTables: Record<MasterKind, { table: string; history: string }> = {
  center: { table: 'master.registration_center', history: 'master.registration_center_h' },
  machine: { table: 'master.machine_master', history: 'master.machine_master_h' },
  device: { table: 'master.device_master', history: 'master.device_master_h' },
  user: { table: 'master.user_detail', history: 'master.user_detail_h' },
}

/**
 * Copies the record's current rows (every language for centers) into its history table, in
 * effect from `at`, as MOSIP does on every change. Two changes at the same instant keep the
 * later state: the history answers "what was true at t", and t has one answer.
 */
export async function writeHistory(
  trx: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
  at: Date,
): Promise<void> {
  const { table, history } = recordTables[kind]
  await sql`delete from ${sql.table(history)} where id = ${id} and eff_dtimes = ${at}`.execute(trx)
  // The history tables have the record's columns in the same order, then eff_dtimes.
  await sql`insert into ${sql.table(history)} select t.*, ${at}::timestamp
    from ${sql.table(table)} t where t.id = ${id}`.execute(trx)
}

/**
 * Whether the record was active (and not decommissioned) at `instant`, from its history: the
 * state in effect then is the latest history row not after it. Unknown before its creation.
 */
export async function wasActiveAt(
  db: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
  instant: Date,
): Promise<boolean> {
  return (await activeInHistoryAt(db, kind, id, instant)) ?? false
}

/** As `wasActiveAt`, but undefined when the history has no version at `instant` yet. */
export async function activeInHistoryAt(
  db: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
  instant: Date,
): Promise<boolean | undefined> {
  const { history } = recordTables[kind]
  const { rows } = await sql<{ is_active: boolean; is_deleted: boolean | null }>`
    select is_active, is_deleted from ${sql.table(history)}
    where id = ${id} and eff_dtimes <= ${instant}
    order by eff_dtimes desc, (lang_code = 'eng') desc limit 1`.execute(db)
  const row = rows[0]
  return row === undefined ? undefined : row.is_active && row.is_deleted !== true
}

/** The lifecycle facts the rules need, for any kind; undefined when there is no such record. */
export interface RecordState {
  readonly id: string
  readonly zoneCode: string | null
  readonly centerId: string | null
  readonly isActive: boolean
  readonly isDeleted: boolean
}

export async function findRecordState(
  db: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
): Promise<RecordState | undefined> {
  // Operators' zones are in zone_user (one zone per user), the others carry zone_code.
  const query =
    kind === 'user'
      ? sql<StateRow>`select u.id, z.zone_code, u.regcntr_id as center_id, u.is_active,
          u.is_deleted from master.user_detail u left join master.zone_user z on z.usr_id = u.id
          where u.id = ${id}`
      : kind === 'center'
        ? sql<StateRow>`select id, zone_code, id as center_id, is_active, is_deleted
            from master.registration_center where id = ${id}
            order by (lang_code = 'eng') desc limit 1`
        : sql<StateRow>`select id, zone_code, regcntr_id as center_id, is_active, is_deleted
            from ${sql.table(recordTables[kind].table)} where id = ${id}`
  const { rows } = await query.execute(db)
  const row = rows[0]
  if (!row) return undefined
  return {
    id: row.id,
    zoneCode: row.zone_code,
    centerId: row.center_id,
    isActive: row.is_active,
    isDeleted: row.is_deleted === true,
  }
}

interface StateRow {
  id: string
  zone_code: string | null
  center_id: string | null
  is_active: boolean
  is_deleted: boolean | null
}

/** Sets is_active on every row of the record (all languages), stamping who and when. */
export async function setRecordActive(
  trx: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
  active: boolean,
  by: string,
  at: Date,
): Promise<void> {
  await sql`update ${sql.table(recordTables[kind].table)}
    set is_active = ${active}, upd_by = ${by}, upd_dtimes = ${at} where id = ${id}`.execute(trx)
}

/** MOSIP's decommission: a soft delete of every row (all languages), inactive from now on. */
export async function softDeleteRecord(
  trx: QueryExecutorProvider,
  kind: MasterKind,
  id: string,
  by: string,
  at: Date,
): Promise<void> {
  await sql`update ${sql.table(recordTables[kind].table)}
    set is_deleted = true, is_active = false, upd_by = ${by}, upd_dtimes = ${at},
      del_dtimes = ${at}
    where id = ${id}`.execute(trx)
  if (kind === 'user')
    await sql`update master.zone_user set is_deleted = true, is_active = false, upd_by = ${by},
      upd_dtimes = ${at}, del_dtimes = ${at} where usr_id = ${id}`.execute(trx)
}
