import { type Kysely, sql } from 'kysely'
import type { MasterTables, ZoneRow } from './master.tables.js'
import { primaryLanguage } from './master-deps.js'

export async function findZone(
  db: Kysely<MasterTables>,
  code: string,
  langCode: string = primaryLanguage,
): Promise<ZoneRow | undefined> {
  return db
    .selectFrom('master.zone')
    .selectAll()
    .where('code', '=', code)
    .where('lang_code', '=', langCode)
    .executeTakeFirst()
}

export async function listZones(db: Kysely<MasterTables>, langCode: string): Promise<ZoneRow[]> {
  return db
    .selectFrom('master.zone')
    .selectAll()
    .where('lang_code', '=', langCode)
    .where((eb) => eb.or([eb('is_deleted', 'is', null), eb('is_deleted', '=', false)]))
    .orderBy('hierarchy_level')
    .orderBy('code')
    .execute()
}

export async function insertZone(db: Kysely<MasterTables>, row: ZoneRow): Promise<void> {
  await db.insertInto('master.zone').values(row).execute()
}

/**
 * Codes of `zones` and every zone below them, for filtering lists to what a staff member
 * covers. Codes unknown to master.zone are kept as they are (flat zones).
 */
export async function zonesUnder(
  db: Kysely<MasterTables>,
  zones: readonly string[],
): Promise<string[]> {
  if (zones.length === 0) return []
  // A zone is below Z when Z is one of the segments of its hierarchy_path.
  const { rows } = await sql<{ code: string }>`
    select code from master.zone
    where lang_code = ${primaryLanguage}
      and string_to_array(hierarchy_path, '/') && ${sql.val([...zones])}::text[]`.execute(db)
  return [...new Set([...zones, ...rows.map((row) => row.code)])]
}
