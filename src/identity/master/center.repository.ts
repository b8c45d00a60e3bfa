import { type Kysely, sql } from 'kysely'
import { masterErrors } from './errors.js'
import type { CenterRow, MasterTables } from './master.tables.js'
import { primaryLanguage } from './master-deps.js'

/** A center in one language (the primary one unless asked); decommissioned ones included. */
export async function findCenter(
  db: Kysely<MasterTables>,
  id: string,
  langCode: string = primaryLanguage,
): Promise<CenterRow | undefined> {
  return db
    .selectFrom('master.registration_center')
    .selectAll()
    .where('id', '=', id)
    .where('lang_code', '=', langCode)
    .executeTakeFirst()
}

export interface CenterFilter {
  langCode: string
  /** Only centers in these zones; undefined = all zones. */
  zoneCodes?: readonly string[]
  locationCode?: string
  isActive?: boolean
  /** Case-insensitive part of the name. */
  name?: string
  includeDecommissioned?: boolean
  pageNumber: number
  pageSize: number
}

export async function listCenters(
  db: Kysely<MasterTables>,
  filter: CenterFilter,
): Promise<{ rows: CenterRow[]; total: number }> {
  let query = db.selectFrom('master.registration_center').where('lang_code', '=', filter.langCode)
  if (filter.zoneCodes) {
    if (filter.zoneCodes.length === 0) return { rows: [], total: 0 }
    query = query.where('zone_code', 'in', filter.zoneCodes)
  }
  if (filter.locationCode) query = query.where('location_code', '=', filter.locationCode)
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive)
  if (filter.name)
    query = query.where(
      sql<string>`lower(name)`,
      'like',
      `%${escapeLike(filter.name.toLowerCase())}%`,
    )
  if (!filter.includeDecommissioned)
    query = query.where((eb) => eb.or([eb('is_deleted', 'is', null), eb('is_deleted', '=', false)]))
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id')
      .limit(filter.pageSize)
      .offset(filter.pageNumber * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function nextCenterId(db: Kysely<MasterTables>): Promise<string> {
  const { rows } = await sql<{ id: string }>`select nextval('master.rcid_seq')::text as id`.execute(
    db,
  )
  const row = rows[0]
  if (!row) throw new Error('nextval returned no row')
  return row.id
}

/** How many users, machines and devices still count as mapped to the center. */
export async function centerMappings(
  db: Kysely<MasterTables>,
  centerId: string,
): Promise<{ users: number; machines: number; devices: number }> {
  const { rows } = await sql<{ users: number; machines: number; devices: number }>`
    select
      (select count(*) from master.user_detail where regcntr_id = ${centerId}
        and is_deleted is not true)::int as users,
      (select count(*) from master.machine_master where regcntr_id = ${centerId}
        and is_deleted is not true)::int as machines,
      (select count(*) from master.device_master where regcntr_id = ${centerId}
        and is_deleted is not true)::int as devices`.execute(db)
  return rows[0] ?? { users: 0, machines: 0, devices: 0 }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Locks the center's rows for the rest of the transaction and says whether it is
 * decommissioned (undefined: no such center). Decommissioning locks FOR UPDATE and mapping
 * equipment or users to a center locks FOR SHARE, so neither can slip past the other's check.
 */
export async function lockCenter(
  trx: Kysely<MasterTables>,
  id: string,
  mode: 'update' | 'share',
): Promise<{ decommissioned: boolean } | undefined> {
  const lock = mode === 'update' ? sql`for update` : sql`for share`
  const { rows } = await sql<{ is_deleted: boolean | null }>`
    select is_deleted from master.registration_center where id = ${id} ${lock}`.execute(trx)
  if (rows.length === 0) return undefined
  return { decommissioned: rows.some((row) => row.is_deleted === true) }
}

/** Inside the mapping transaction: the center must still exist and not be decommissioned. */
export async function assertCenterOpenForMapping(
  trx: Kysely<MasterTables>,
  centerId: string | null | undefined,
): Promise<void> {
  if (!centerId) return
  const locked = await lockCenter(trx, centerId, 'share')
  if (!locked) throw masterErrors.centerNotFound(centerId)
  if (locked.decommissioned) throw masterErrors.decommissioned('center', centerId)
}
