import type { StageContext } from '../engine/stage.js'
import { packetSchema, type RegistrationPacket } from '../packet.schema.js'

/**
 * The packet for stages that run without the packet validator before them (ACTIVATED,
 * DEACTIVATED, RES_REPRINT): null when it does not parse, so the stage fails the packet
 * instead of retrying something that can never succeed.
 */
export function packetOrNull(context: StageContext): RegistrationPacket | null {
  try {
    const result = packetSchema.safeParse(JSON.parse(context.raw))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
