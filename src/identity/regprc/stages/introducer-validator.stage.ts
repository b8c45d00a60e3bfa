import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * Introducer validator (children, or packets naming an introducer): the introducer is named by
 * UIN or RID and has an identity. An introducer RID still in process puts the packet on hold
 * (retried by the reprocessor); one that was rejected or failed rejects the child's packet.
 */
export const introducerValidator: StageHandler = async (context) => {
  const { introducerUIN, introducerRID } = context.packet().identity
  const { identity } = context.services
  if (introducerUIN) {
    return (await identity.findIdentity({ uin: introducerUIN }))
      ? passed('INTRODUCER_VALIDATION_SUCCESS')
      : failed('INTRODUCER_UIN_NOT_FOUND')
  }
  if (!introducerRID) return failed('UIN_RID_NOT_FOUND')
  if (await identity.findIdentity({ rid: introducerRID }))
    return passed('INTRODUCER_VALIDATION_SUCCESS')
  const parent = await context.db
    .selectFrom('regprc.registration')
    .select('status_code')
    .where('reg_id', '=', introducerRID)
    .orderBy('cr_dtimes', 'desc')
    .executeTakeFirst()
  if (!parent) return failed('INTRODUCER_UIN_NOT_FOUND')
  if (['REJECTED', 'FAILED', 'REPROCESS_FAILED'].includes(parent.status_code))
    return failed('CHILD_PACKET_REJECTED')
  return { isValid: true, internalError: true, subStatus: 'PACKET_ON_HOLD' }
}
