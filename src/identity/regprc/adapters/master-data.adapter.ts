import { AppError } from '../../../platform/errors.js'
import type { MasterDataService } from '../../master/index.js'
import type { MasterDataPort, MasterEntityKind } from '../ports.js'

/**
 * The master data part's service as the registration processor's MasterDataPort. "Not found"
 * (null) comes from the entity's own lookup, "active at the instant" from its history.
 */
export function masterDataAdapter(master: MasterDataService): MasterDataPort {
  async function exists(kind: MasterEntityKind, id: string): Promise<boolean> {
    if (kind === 'user') return (await master.operatorStatus(id)).found
    try {
      if (kind === 'center') await master.centers.get(id)
      else if (kind === 'machine') await master.equipment.getMachine(id)
      else await master.equipment.getDevice(id)
      return true
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return false
      throw error
    }
  }
  return {
    async wasActiveAt(kind, id, at) {
      if (!(await exists(kind, id))) return null
      if (kind === 'user') {
        const status = await master.operatorStatus(id, at)
        return status.activeAtInstant ?? status.active
      }
      return master.wasActiveAt(kind, id, at)
    },
    async isCenterOpenAt(centerId, at) {
      return (await master.isCenterOpenAt(centerId, at)).open
    },
  }
}
