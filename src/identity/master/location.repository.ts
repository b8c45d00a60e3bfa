import type { Kysely } from 'kysely'
import type { LocationRow, MasterTables } from './master.tables.js'
import { primaryLanguage } from './master-deps.js'

export async function findLocation(
  db: Kysely<MasterTables>,
  code: string,
  langCode: string = primaryLanguage,
): Promise<LocationRow | undefined> {
  return db
    .selectFrom('master.location')
    .selectAll()
    .where('code', '=', code)
    .where('lang_code', '=', langCode)
    .executeTakeFirst()
}

/** Locations of a language, optionally only the children of `parentCode`. */
export async function listLocations(
  db: Kysely<MasterTables>,
  langCode: string,
  parentCode?: string,
): Promise<LocationRow[]> {
  let query = db
    .selectFrom('master.location')
    .selectAll()
    .where('lang_code', '=', langCode)
    .where((eb) => eb.or([eb('is_deleted', 'is', null), eb('is_deleted', '=', false)]))
  if (parentCode) query = query.where('parent_loc_code', '=', parentCode)
  return query.orderBy('hierarchy_level').orderBy('code').execute()
}

export async function insertLocation(db: Kysely<MasterTables>, row: LocationRow): Promise<void> {
  await db.insertInto('master.location').values(row).execute()
}
