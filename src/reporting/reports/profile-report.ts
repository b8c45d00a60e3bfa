import { anonymousProfileVersions } from '../collation/collation-datasets.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import type { ReportParams } from '../report-catalog.js'
import { ageBands } from '../report-definitions.js'
import type { LakeQuery } from './lake-query.js'
import { inDays, sqlList } from './report-views.js'

/**
 * uin-by-age-gender: profiles of process NEW written in the range, by the age band and gender
 * code collation computed (`age-gender.ts`), in band order then gender.
 */
export function uinByAgeGenderSql(q: LakeQuery, params: ReportParams<'uin-by-age-gender'>): string {
  const [from, to] = [q.bind('from', params.from), q.bind('to', params.to)]
  return `SELECT age_band AS "age_band", gender AS "gender", CAST(count(*) AS INTEGER) AS "count"
    FROM (${latestVersionsView(anonymousProfileVersions)})
    WHERE process_name = 'NEW' AND ${inDays('cr_dtimes', from, to)}
    GROUP BY age_band, gender
    ORDER BY list_position([${sqlList(ageBands).slice(1, -1)}], age_band), gender`
}
