import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * Operator validator: the officer who created the packet exists and was active then. MOSIP
 * also re-checks the officer's password/OTP/biometric authentication; the registration app
 * authenticates officers against Mosaic before it may sync, so that is not repeated here.
 */
export const operatorValidator: StageHandler = async (context) => {
  const meta = context.packet().metaInfo
  if (!meta.officerId) return failed('OFFICER_NOT_FOUND_PACKET')
  const active = await context.services.master.wasActiveAt(
    'user',
    meta.officerId,
    new Date(meta.creationDate),
  )
  if (active === null) return failed('OFFICER_NOT_ACTIVE')
  if (!active) return failed('OFFICER_WAS_INACTIVE')
  return passed('OPERATOR_VALIDATION_SUCCESS')
}

/** Supervisor validator: the same checks for the supervisor who approved the packet. */
export const supervisorValidator: StageHandler = async (context) => {
  const meta = context.packet().metaInfo
  const active = meta.supervisorId
    ? await context.services.master.wasActiveAt(
        'user',
        meta.supervisorId,
        new Date(meta.creationDate),
      )
    : null
  if (active === null) return failed('SUPERVISOR_NOT_ACTIVE')
  if (!active) return failed('SUPERVISOR_WAS_INACTIVE')
  return passed('SUPERVISOR_VALIDATION_SUCCESS')
}
