import { registrationVersions } from '../collation/collation-datasets.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import type { LakeReader } from '../lake/lake-reader.js'
import { centersView } from './report-views.js'

/** The UTC days the lake's registrations span (by packet creation), null when it has none. */
export interface LakeExtent {
  readonly firstDay: string | null
  readonly lastDay: string | null
}

/** The span of the data, so that dashboards open on days that have some. */
export async function lakeExtent(reader: LakeReader): Promise<LakeExtent> {
  const [row] = await reader.query(`SELECT CAST(min(pkt_cr_dtimes) AS DATE) AS first_day,
      CAST(max(pkt_cr_dtimes) AS DATE) AS last_day
    FROM (${latestVersionsView(registrationVersions)})`)
  const day = (value: unknown) => (typeof value === 'string' ? value : null)
  return { firstDay: day(row?.['first_day']), lastDay: day(row?.['last_day']) }
}

/** A center as the dashboards' filters list it. */
export interface LakeCenter {
  readonly id: string
  readonly name: string | null
  readonly zone: string | null
}

/** Every center of the lake's master data, by id. */
export async function lakeCenters(reader: LakeReader): Promise<LakeCenter[]> {
  const rows = await reader.query(`SELECT id, name, zone_code FROM (${centersView()}) ORDER BY id`)
  return rows.map((row) => ({
    id: String(row['id']),
    name: typeof row['name'] === 'string' ? row['name'] : null,
    zone: typeof row['zone_code'] === 'string' ? row['zone_code'] : null,
  }))
}
