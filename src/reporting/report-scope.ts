import {
  allZones,
  staffCoversZone,
  type StaffPrincipal,
  type ZoneHierarchy,
} from '../platform/auth/index.js'
import type { ReportScope } from './reports/lake-report.js'

/** Who a report is run for: a signed-in staff member, or the operator at the CLI (everything). */
export type ReportCaller =
  | { readonly kind: 'staff'; readonly principal: StaffPrincipal }
  | { readonly kind: 'operator'; readonly name: string }

/** The name printed on exports and written to the audit log. */
export function callerName(caller: ReportCaller): string {
  return caller.kind === 'staff' ? caller.principal.username : caller.name
}

/**
 * The centers a caller may see, as MOSIP scopes staff: those whose zone is one of the caller's
 * zones or below one. `centerZones` maps each center to its zone; a center without a known zone
 * is visible to the root zone only.
 */
export async function scopeOf(
  caller: ReportCaller,
  centerZones: ReadonlyMap<string, string>,
  hierarchy: ZoneHierarchy,
): Promise<ReportScope> {
  if (caller.kind === 'operator' || caller.principal.zones.includes(allZones)) {
    return { centers: 'all' }
  }
  const centers: string[] = []
  for (const [center, zone] of centerZones) {
    if (await staffCoversZone(caller.principal, zone, hierarchy)) centers.push(center)
  }
  return { centers }
}

/** Whether `center` is inside the scope. */
export function scopeIncludes(scope: ReportScope, center: string): boolean {
  return scope.centers === 'all' || scope.centers.includes(center)
}
