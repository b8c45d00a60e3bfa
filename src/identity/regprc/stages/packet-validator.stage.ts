import { failed, passed, type StageContext, type StageHandler } from '../engine/stage.js'
import { packetSchema, type RegistrationPacket } from '../packet.schema.js'
import { ridMatchesPacket } from '../rid.js'

/**
 * Packet validator: the packet parses against the packet schema, is the registration the sync
 * record announced (RID and type), was approved by the supervisor, carries consent, has the
 * mandatory fields of its process, and (UPDATE) names a UIN the ID repository knows.
 */
export const packetValidator: StageHandler = async (context) => {
  let json: unknown
  try {
    json = JSON.parse(context.raw)
  } catch {
    return failed('SCHEMA_VALIDATION_FAILED')
  }
  const parsed = packetSchema.safeParse(json)
  if (!parsed.success) return failed('SCHEMA_VALIDATION_FAILED')
  const packet = parsed.data
  const sync = await context.db
    .selectFrom('regprc.registration_list')
    .select(['process', 'client_status_code'])
    .where('workflow_instance_id', '=', context.workflowInstanceId)
    .executeTakeFirst()
  if (
    !sync ||
    packet.registrationId !== context.rid ||
    packet.process !== context.process ||
    sync.process !== context.process ||
    !ridMatchesPacket(context.rid, packet, context.now)
  )
    return failed('RID_AND_TYPE_SYNC_FAILED')
  if (sync.client_status_code === 'REJECTED') return failed('PACKET_REJECTED')
  if (packet.metaInfo.consent !== 'Yes') return failed('PACKET_CONSENT_VALIDATION')
  if (!hasMandatoryFields(packet)) return failed('MANDATORY_VALIDATION_FAILED')
  if (await unknownUin(context, packet)) return failed('UIN_NOT_FOUND_IDREPO')
  return passed('PACKET_STRUCTURAL_VALIDATION_SUCCESS')
}

/** Mandatory fields per process (MOSIP reads them from the ID schema's `requiredOn`). */
function hasMandatoryFields(packet: RegistrationPacket): boolean {
  const { identity, metaInfo } = packet
  if (packet.source === 'REGISTRATION_CLIENT' && !(metaInfo.centerId && metaInfo.machineId))
    return false
  const captured = packet.biometrics.some((b) => !b.exception)
  switch (packet.process) {
    case 'NEW':
      return Boolean(identity.fullName?.length && identity.dateOfBirth && identity.gender?.length)
    case 'LOST':
      return captured
    case 'UPDATE':
    case 'RES_UPDATE':
    case 'RES_REPRINT':
    case 'ACTIVATED':
    case 'DEACTIVATED':
      return Boolean(identity.UIN)
    default:
      return false
  }
}

async function unknownUin(context: StageContext, packet: RegistrationPacket): Promise<boolean> {
  if (packet.process !== 'UPDATE' && packet.process !== 'RES_UPDATE') return false
  const uin = packet.identity.UIN
  return !uin || !(await context.services.identity.findIdentity({ uin }))
}

/** Packet classifier: MOSIP tags the packet here; our routes derive the tags from the packet. */
export const packetClassifier: StageHandler = async () => passed('PACKET_CLASSIFICATION_SUCCESS')
