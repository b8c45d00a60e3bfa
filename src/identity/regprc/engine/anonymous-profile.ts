import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { RegistrationPacket } from '../packet.schema.js'
import type { Registration, RegprcTables } from '../schema/regprc.tables.js'
import { ageGroup } from './packet-tags.js'

/**
 * MOSIP's anonymous profile (AnonymousProfileDTO) for reporting, written when a workflow ends.
 * Less than MOSIP's: an age band instead of the year of birth, and no location; what remains
 * are codes, bands, counts and center/staff ids.
 */
export async function recordAnonymousProfile(
  trx: Transaction<RegprcTables>,
  registration: Registration,
  packet: RegistrationPacket | null,
  end: { stage: string; status: string; now: Date },
): Promise<void> {
  const profile = {
    processName: registration.process,
    processStage: end.stage,
    date: end.now.toISOString().slice(0, 10),
    startDateTime: registration.cr_dtimes.toISOString(),
    endDateTime: end.now.toISOString(),
    status: end.status,
    ...(packet && {
      ageGroup: ageGroup(packet.identity.dateOfBirth, new Date(packet.metaInfo.creationDate)),
      gender: packet.identity.gender?.[0]?.value ?? null,
      preferredLanguages: [packet.metaInfo.langCode],
      channel: [
        ...(packet.identity.phone ? ['PHONE'] : []),
        ...(packet.identity.email ? ['EMAIL'] : []),
      ],
      exceptions: packet.biometrics
        .filter((b) => b.exception)
        .map((b) => ({ type: b.type, subType: b.subType })),
      biometricInfo: packet.biometrics
        .filter((b) => !b.exception)
        .map((b) => ({ type: b.type, subType: b.subType, qualityScore: b.qualityScore })),
      documents: packet.documents.map((d) => ({ category: d.category, type: d.type })),
      assisted: [packet.metaInfo.officerId, packet.metaInfo.supervisorId].filter(Boolean),
      enrollmentCenterId: packet.metaInfo.centerId ?? null,
    }),
  }
  await trx
    .insertInto('regprc.anonymous_profile')
    .values({
      id: randomUUID(),
      process_stage: end.stage.slice(0, 36),
      profile: JSON.stringify(profile),
      cr_by: 'SYSTEM',
      cr_dtimes: end.now,
      upd_by: null,
      upd_dtimes: null,
      del_dtimes: null,
    })
    .execute()
}
