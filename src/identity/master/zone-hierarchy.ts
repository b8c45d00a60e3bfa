import type { Kysely } from 'kysely'
import type { ZoneHierarchy } from '../../platform/auth/index.js'
import type { MasterTables } from './master.tables.js'
import { findZone } from './zone.repository.js'

/**
 * The zone tree from master.zone, for the platform's staff zone scoping: a zone's lineage is
 * its hierarchy_path read from the leaf up (MOR/NTH/RSK gives RSK, NTH, MOR). A code that is
 * not in master.zone stands alone, as with flat zones.
 */
export function masterZoneHierarchy(db: Kysely<MasterTables>): ZoneHierarchy {
  return {
    async lineage(zoneCode) {
      const zone = await findZone(db, zoneCode)
      if (!zone?.hierarchy_path) return [zoneCode]
      const path = zone.hierarchy_path.split('/').filter(Boolean).reverse()
      return path[0] === zoneCode ? path : [zoneCode, ...path]
    },
  }
}
