import { type Kysely, sql } from 'kysely'
import type { DeviceRow, MachineRow, MasterTables } from './master.tables.js'

/** The two equipment tables share their shape where lists and lookups are concerned. */
export type EquipmentTable = 'master.machine_master' | 'master.device_master'
type EquipmentRow<T extends EquipmentTable> = T extends 'master.machine_master'
  ? MachineRow
  : DeviceRow

export interface EquipmentFilter {
  /** Only these zones; undefined = all. */
  zoneCodes?: readonly string[]
  centerId?: string
  isActive?: boolean
  includeDecommissioned?: boolean
  pageNumber: number
  pageSize: number
}

export async function findEquipment<T extends EquipmentTable>(
  db: Kysely<MasterTables>,
  table: T,
  id: string,
): Promise<EquipmentRow<T> | undefined> {
  const { rows } = await sql<
    EquipmentRow<T>
  >`select * from ${sql.table(table)} where id = ${id}`.execute(db)
  return rows[0]
}

export async function listEquipment<T extends EquipmentTable>(
  db: Kysely<MasterTables>,
  table: T,
  filter: EquipmentFilter,
): Promise<{ rows: EquipmentRow<T>[]; total: number }> {
  if (filter.zoneCodes?.length === 0) return { rows: [], total: 0 }
  const conditions = [sql`true`]
  if (filter.zoneCodes) conditions.push(sql`zone_code in (${sql.join(filter.zoneCodes)})`)
  if (filter.centerId) conditions.push(sql`regcntr_id = ${filter.centerId}`)
  if (filter.isActive !== undefined) conditions.push(sql`is_active = ${filter.isActive}`)
  if (!filter.includeDecommissioned) conditions.push(sql`is_deleted is not true`)
  const where = sql.join(conditions, sql` and `)
  const [page, count] = await Promise.all([
    sql<EquipmentRow<T>>`select * from ${sql.table(table)} where ${where} order by id
      limit ${filter.pageSize} offset ${filter.pageNumber * filter.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(
      db,
    ),
  ])
  return { rows: page.rows, total: count.rows[0]?.n ?? 0 }
}

export async function nextMachineId(db: Kysely<MasterTables>): Promise<string> {
  const { rows } = await sql<{ id: string }>`select nextval('master.mid_seq')::text as id`.execute(
    db,
  )
  const row = rows[0]
  if (!row) throw new Error('nextval returned no row')
  return row.id
}

export async function specExists(
  db: Kysely<MasterTables>,
  table: 'master.machine_spec' | 'master.device_spec',
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst()
  return row !== undefined
}

/** Whether another machine already has this name (machine names are unique in MOSIP). */
export async function machineNameTaken(
  db: Kysely<MasterTables>,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db.selectFrom('master.machine_master').select('id').where('name', '=', name)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}
