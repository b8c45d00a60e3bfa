import { allocateUin, allocateVid, markUinAssigned } from '../ids/index.js'
import type { IdentifierSource } from './identifier-source.js'

/**
 * UINs and VIDs from the kernel pools of the ids part, taken in the repository's transaction:
 * the UIN goes UNUSED → ISSUED → ASSIGNED with the identity, or back to UNUSED on rollback.
 */
export const poolIdentifiers: IdentifierSource = {
  async nextUin(trx) {
    const uin = await allocateUin(trx, { by: 'ID_REPO' })
    await markUinAssigned(trx, uin, 'ID_REPO')
    return uin
  },
  nextVid: (trx) => allocateVid(trx, { by: 'ID_REPO' }),
}
