import type { RegistrationPacket } from '../packet.schema.js'

export type AgeGroup = 'INFANT' | 'MINOR' | 'ADULT'

/**
 * The tags MOSIP's packet classifier derives and the camel routes branch on. Recomputed from
 * the packet whenever needed, so nothing about the applicant is stored beside it.
 */
export interface PacketTags {
  readonly ageGroup: AgeGroup | null
  readonly introducerAvailable: boolean
  readonly hasOfficer: boolean
  readonly hasSupervisor: boolean
  /** All 10 fingers and both irises marked as exceptions (EXCEPTION_BIOMETRICS). */
  readonly allBiometricExceptions: boolean
  readonly hasBiometrics: boolean
}

/** MOSIP's default age groups (`packet.classifier.tagging.agegroup.ranges`). */
export function ageGroup(dateOfBirth: string | undefined, at: Date): AgeGroup | null {
  if (!dateOfBirth) return null
  const [year, month, day] = dateOfBirth.split('/').map(Number)
  if (!year || !month || !day) return null
  let age = at.getUTCFullYear() - year
  if (at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day))
    age--
  if (age <= 5) return 'INFANT'
  if (age < 18) return 'MINOR'
  return 'ADULT'
}

export function packetTags(packet: RegistrationPacket): PacketTags {
  const created = new Date(packet.metaInfo.creationDate)
  const exceptions = packet.biometrics.filter(
    (b) => b.exception && (b.type === 'Finger' || b.type === 'Iris'),
  )
  return {
    ageGroup: ageGroup(packet.identity.dateOfBirth, created),
    introducerAvailable: Boolean(packet.identity.introducerRID ?? packet.identity.introducerUIN),
    hasOfficer: Boolean(packet.metaInfo.officerId),
    hasSupervisor: Boolean(packet.metaInfo.supervisorId),
    allBiometricExceptions: exceptions.length >= 12,
    hasBiometrics: packet.biometrics.some((b) => !b.exception),
  }
}

/** Introducer branch of the routes: a child, or an introducer named in the packet. */
export function needsIntroducer(tags: PacketTags): boolean {
  return tags.ageGroup === 'INFANT' || tags.ageGroup === 'MINOR' || tags.introducerAvailable
}
