import { allZones, staffCoversZone } from '../../platform/auth/index.js'
import { masterErrors } from './errors.js'
import { recordMasterChange } from './master-change.js'
import { type Actor, type LanguageCode, type MasterDeps, primaryLanguage } from './master-deps.js'
import type { LocationRow, ZoneRow } from './master.tables.js'
import { findLocation, insertLocation, listLocations } from './location.repository.js'
import { findZone, insertZone, listZones } from './zone.repository.js'

/** Names in other languages than the primary one, each becoming its own row. */
export type Translations = Partial<Record<Exclude<LanguageCode, 'eng'>, string>>

export interface NewZone {
  code: string
  name: string
  hierarchyLevelName: string
  parentZoneCode?: string | null
  translations?: Translations
}

export interface NewLocation {
  code: string
  name: string
  hierarchyLevel: number
  hierarchyLevelName: string
  parentLocCode?: string | null
  translations?: Translations
}

/** Zones (the administrative tree admins are scoped by) and locations (the address tree). */
export class PlacesService {
  constructor(private readonly deps: MasterDeps) {}

  listZones(langCode: string = primaryLanguage): Promise<ZoneRow[]> {
    return listZones(this.deps.db, langCode)
  }

  async getZone(code: string, langCode: string = primaryLanguage): Promise<ZoneRow> {
    const zone = await findZone(this.deps.db, code, langCode)
    if (!zone) throw masterErrors.zoneNotFound(code)
    return zone
  }

  /** Adds a zone under `parentZoneCode` (which the actor must cover), or a root (root admins only). */
  async createZone(actor: Actor, input: NewZone): Promise<ZoneRow> {
    const { db, zones, clock, bus } = this.deps
    const parent = input.parentZoneCode ? await findZone(db, input.parentZoneCode) : undefined
    if (input.parentZoneCode && !parent) throw masterErrors.zoneNotFound(input.parentZoneCode)
    const covered = parent
      ? await staffCoversZone(actor, parent.code, zones)
      : actor.zones.includes(allZones)
    if (!covered) throw masterErrors.outsideZone('zone')
    if (await findZone(db, input.code)) throw masterErrors.duplicate('Zone', input.code)
    const now = clock()
    const base = {
      code: input.code,
      hierarchy_level: parent ? parent.hierarchy_level + 1 : 0,
      hierarchy_level_name: input.hierarchyLevelName,
      hierarchy_path: parent?.hierarchy_path
        ? `${parent.hierarchy_path}/${input.code}`
        : input.code,
      parent_zone_code: parent?.code ?? null,
      is_active: true,
      ...created(actor, now),
    }
    const primary: ZoneRow = { ...base, name: input.name, lang_code: primaryLanguage }
    const rows: ZoneRow[] = [
      primary,
      ...translated(input.translations).map(([lang, name]) => ({ ...base, name, lang_code: lang })),
    ]
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await insertZone(trx, row)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'zone',
        action: 'created',
        id: input.code,
        zoneCode: input.code,
      })
    })
    return primary
  }

  listLocations(langCode: string = primaryLanguage, parentCode?: string): Promise<LocationRow[]> {
    return listLocations(this.deps.db, langCode, parentCode)
  }

  async createLocation(actor: Actor, input: NewLocation): Promise<LocationRow> {
    const { db, clock, bus } = this.deps
    if (input.parentLocCode && !(await findLocation(db, input.parentLocCode)))
      throw masterErrors.locationNotFound(input.parentLocCode)
    if (await findLocation(db, input.code)) throw masterErrors.duplicate('Location', input.code)
    const base = {
      code: input.code,
      hierarchy_level: input.hierarchyLevel,
      hierarchy_level_name: input.hierarchyLevelName,
      parent_loc_code: input.parentLocCode ?? null,
      is_active: true,
      ...created(actor, clock()),
    }
    const primary: LocationRow = { ...base, name: input.name, lang_code: primaryLanguage }
    const rows: LocationRow[] = [
      primary,
      ...translated(input.translations).map(([lang, name]) => ({ ...base, name, lang_code: lang })),
    ]
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await insertLocation(trx, row)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'location',
        action: 'created',
        id: input.code,
      })
    })
    return primary
  }
}

/** The audit columns of a row created now by `actor`. */
export function created(actor: Pick<Actor, 'username'>, now: Date) {
  return {
    cr_by: actor.username,
    cr_dtimes: now,
    upd_by: null,
    upd_dtimes: null,
    is_deleted: false,
    del_dtimes: null,
  }
}

export function translated(translations: Translations | undefined): [string, string][] {
  return Object.entries(translations ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
}
