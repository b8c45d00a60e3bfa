import { type Kysely, sql } from 'kysely'
import type { MasterTables, UserDetailRow } from './master.tables.js'

/** An operator's user_detail row with the zone from zone_user (one zone per user). */
export type OperatorRow = UserDetailRow & { zone_code: string | null }

export async function findOperator(
  db: Kysely<MasterTables>,
  id: string,
): Promise<OperatorRow | undefined> {
  return db
    .selectFrom('master.user_detail as u')
    .leftJoin('master.zone_user as z', 'z.usr_id', 'u.id')
    .selectAll('u')
    .select('z.zone_code')
    .where('u.id', '=', id)
    .executeTakeFirst()
}

export interface OperatorFilter {
  zoneCodes?: readonly string[]
  centerId?: string
  isActive?: boolean
  includeDecommissioned?: boolean
  pageNumber: number
  pageSize: number
}

export async function listOperators(
  db: Kysely<MasterTables>,
  filter: OperatorFilter,
): Promise<{ rows: OperatorRow[]; total: number }> {
  if (filter.zoneCodes?.length === 0) return { rows: [], total: 0 }
  let query = db
    .selectFrom('master.user_detail as u')
    .leftJoin('master.zone_user as z', 'z.usr_id', 'u.id')
  if (filter.zoneCodes) query = query.where('z.zone_code', 'in', filter.zoneCodes)
  if (filter.centerId) query = query.where('u.regcntr_id', '=', filter.centerId)
  if (filter.isActive !== undefined) query = query.where('u.is_active', '=', filter.isActive)
  if (!filter.includeDecommissioned) query = query.where(sql<boolean>`u.is_deleted is not true`)
  const [rows, count] = await Promise.all([
    query
      .selectAll('u')
      .select('z.zone_code')
      .orderBy('u.id')
      .limit(filter.pageSize)
      .offset(filter.pageNumber * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Sets the user's one zone (zone_user), creating the mapping when there is none. */
export async function setOperatorZone(
  db: Kysely<MasterTables>,
  userId: string,
  zoneCode: string,
  by: string,
  at: Date,
): Promise<void> {
  await sql`insert into master.zone_user (zone_code, usr_id, lang_code, is_active, cr_by,
      cr_dtimes, is_deleted)
    values (${zoneCode}, ${userId}, 'eng', true, ${by}, ${at}, false)
    on conflict (usr_id) do update set zone_code = excluded.zone_code, upd_by = ${by},
      upd_dtimes = ${at}`.execute(db)
}
