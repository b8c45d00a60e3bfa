import { failed, passed, type StageHandler } from '../engine/stage.js'

/**
 * CMD validator: the center, the machine and every device existed and were active when the
 * packet was created, and the center was open then (working day and hours, no holiday).
 * Comments name the ids (master data, not personal data), as MOSIP's do.
 */
export const cmdValidator: StageHandler = async (context) => {
  const { master } = context.services
  const meta = context.packet().metaInfo
  const at = new Date(meta.creationDate)
  if (!meta.centerId) return failed('CENTER_ID_NOT_FOUND')
  if (!meta.machineId) return failed('MACHINE_ID_NOT_FOUND')
  const center = await master.wasActiveAt('center', meta.centerId, at)
  if (center === null) return failed('CENTER_ID_NOT_FOUND', { commentSuffix: meta.centerId })
  if (!center) return failed('CENTER_ID_INACTIVE', { commentSuffix: meta.centerId })
  const machine = await master.wasActiveAt('machine', meta.machineId, at)
  if (machine === null) return failed('MACHINE_ID_NOT_FOUND', { commentSuffix: meta.machineId })
  if (!machine) return failed('MACHINE_ID_NOT_ACTIVE', { commentSuffix: meta.machineId })
  for (const deviceId of meta.deviceIds) {
    const device = await master.wasActiveAt('device', deviceId, at)
    if (device === null) return failed('DEVICE_NOT_FOUND_MASTER_DB', { commentSuffix: deviceId })
    if (!device) return failed('DEVICE_VALIDATION_FAILED')
  }
  if (!(await master.isCenterOpenAt(meta.centerId, at)))
    return failed('PACKET_CREATION_WORKING_HOURS', { commentSuffix: meta.centerId })
  return passed('CMD_VALIDATION_SUCCESS')
}
