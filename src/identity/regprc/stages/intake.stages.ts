import { createHash } from 'node:crypto'
import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * Packet receiver: the packet is in the store and is the one the client synced (same SHA-256
 * as packetHashValue). The HTTP upload already refused mismatches; this re-checks what was
 * stored, as MOSIP's receiver does before handing the packet on.
 */
export const packetReceiver: StageHandler = async (context) => {
  const sync = await context.db
    .selectFrom('regprc.registration_list')
    .select(['packet_checksum'])
    .where('workflow_instance_id', '=', context.workflowInstanceId)
    .executeTakeFirst()
  const hash = createHash('sha256').update(context.raw).digest('hex')
  if (!context.raw || !sync || sync.packet_checksum?.toLowerCase() !== hash)
    return failed('PACKET_DECRYPTION_FAILED')
  return passed('PACKET_RECEIVED')
}

/** Securezone notification: MOSIP's hand-over from the DMZ; here one step, recorded as MOSIP does. */
export const securezoneNotification: StageHandler = async () =>
  passed('NOTIFICATION_RECEIVED_TO_SECUREZONE')

/** Packet uploader: the packet is already in the (encrypted) packet store. */
export const packetUploader: StageHandler = async () => passed('PACKET_UPLOADED')
