import { z } from 'zod'
import { centerIdSchema } from '../report-params.js'
import type { LakeQuery } from './lake-query.js'
import { lakeReportErrors } from './lake-report-errors.js'

/**
 * The centers a caller may see: `'all'`, or a list (staff see only their zones' centers). With
 * a list, every report counts and lists only registrations of those centers, as if filtered by
 * each of them; an empty list sees nothing.
 */
export interface ReportScope {
  readonly centers: readonly string[] | 'all'
}

const scopeSchema = z.object({ centers: z.union([z.literal('all'), z.array(centerIdSchema)]) })

/** Checks a scope (center ids of 5 digits) before it reaches SQL. */
export function parseScope(scope: ReportScope | undefined): ReportScope {
  const parsed = scopeSchema.safeParse(scope ?? { centers: 'all' })
  if (!parsed.success) throw lakeReportErrors.invalidScope()
  return parsed.data
}

/**
 * SQL conditions (`AND …`, or nothing) limiting rows with a `center_id` column to the report's
 * `center` parameter and to the scope. The scope travels as one comma-joined parameter: center
 * ids are 5 digits (checked by `parseScope`), so no id contains a comma.
 */
export function centerConditions(
  q: LakeQuery,
  column: string,
  center: string | undefined,
  scope: ReportScope,
): string {
  const conditions: string[] = []
  if (center !== undefined) conditions.push(`${column} = ${q.bind('center', center)}`)
  if (scope.centers !== 'all') {
    conditions.push(
      scope.centers.length === 0
        ? 'false'
        : `list_contains(string_split(${q.bind('scope', scope.centers.join(','))}, ','), ${column})`,
    )
  }
  return conditions.map((c) => ` AND ${c}`).join('')
}
