import type { StaffPrincipal } from './principal.js'

/** Every zone, as MOSIP's root zone grants. */
export const allZones = '*'

/**
 * The zone tree, as the identity core's master data defines it. Until a module provides one,
 * zones are flat: a user administers exactly the zones listed on their account.
 */
export interface ZoneHierarchy {
  /** The zone itself followed by its ancestors up to the root. */
  lineage(zoneCode: string): Promise<readonly string[]>
}

export const flatZones: ZoneHierarchy = { lineage: async (zone) => [zone] }

/** Whether a staff member may act on something in `zoneCode`: their zone or one above it. */
export async function staffCoversZone(
  principal: Pick<StaffPrincipal, 'zones'>,
  zoneCode: string,
  hierarchy: ZoneHierarchy,
): Promise<boolean> {
  if (principal.zones.includes(allZones)) return true
  const lineage = await hierarchy.lineage(zoneCode)
  return lineage.some((zone) => principal.zones.includes(zone))
}

/** Whether `principal` covers every zone of `zones` (e.g. to manage another user). */
export async function staffCoversZones(
  principal: Pick<StaffPrincipal, 'zones'>,
  zones: readonly string[],
  hierarchy: ZoneHierarchy,
): Promise<boolean> {
  if (principal.zones.includes(allZones)) return true
  if (zones.includes(allZones)) return false
  for (const zone of zones) if (!(await staffCoversZone(principal, zone, hierarchy))) return false
  return true
}
