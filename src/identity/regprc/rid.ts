import { checkRid, type RidRuleId } from '../ids/index.js'
import type { RegistrationPacket } from './packet.schema.js'

/** The first rule of the ids part the RID breaks at `now`, or null. */
export function ridProblem(rid: string, now = new Date()): RidRuleId | null {
  const check = checkRid(rid, now)
  return check.valid ? null : check.rule
}

/**
 * The RID is well formed and was generated on the packet's center and machine (MOSIP's ids are
 * 5 digits; longer ids cannot be part of a RID, so only 5-digit ones are compared).
 */
export function ridMatchesPacket(rid: string, packet: RegistrationPacket, now: Date): boolean {
  const { centerId, machineId } = packet.metaInfo
  return checkRid(rid, now, {
    ...(centerId && /^\d{5}$/.test(centerId) && { centerId }),
    ...(machineId && /^\d{5}$/.test(machineId) && { machineId }),
  }).valid
}
