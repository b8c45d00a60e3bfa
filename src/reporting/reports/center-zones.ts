import type { LakeReader } from '../lake/lake-reader.js'
import { centersView } from './report-views.js'

/**
 * Each center id of the lake's master data with its zone code (from its `eng` row, else the
 * first language's; decommissioned centers included, so their past registrations stay in
 * their zone). The API turns a staff member's zones into a report scope with it.
 */
export async function centerZones(reader: LakeReader): Promise<Map<string, string>> {
  const rows = await reader.query(`SELECT id, zone_code FROM (${centersView()}) ORDER BY id`)
  const zones = new Map<string, string>()
  for (const row of rows) {
    const [id, zone] = [row['id'], row['zone_code']]
    if (typeof id === 'string' && typeof zone === 'string') zones.set(id, zone)
  }
  return zones
}
