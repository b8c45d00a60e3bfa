import { staffCoversZone } from '../../platform/auth/index.js'
import { centerMappings, lockCenter } from './center.repository.js'
import { type MasterKind, masterErrors } from './errors.js'
import { type ChangeAction, recordMasterChange } from './master-change.js'
import type { Actor, MasterDeps } from './master-deps.js'
import {
  findRecordState,
  type RecordState,
  setRecordActive,
  softDeleteRecord,
  writeHistory,
} from './record-history.js'

/**
 * Activation, deactivation and decommissioning of centers, machines, devices and operators,
 * with MOSIP's rules: the admin's zones must cover the record's zone, a decommissioned record
 * stays so, and a center is decommissioned only when nothing is mapped to it any more.
 */
export class LifecycleService {
  constructor(private readonly deps: MasterDeps) {}

  async activate(actor: Actor, kind: MasterKind, id: string): Promise<void> {
    const state = await this.#changeable(actor, kind, id)
    if (state.isActive) throw masterErrors.alreadyActive(kind, id)
    await this.#apply(actor, kind, state, 'activated')
  }

  async deactivate(actor: Actor, kind: MasterKind, id: string): Promise<void> {
    const state = await this.#changeable(actor, kind, id)
    if (!state.isActive) throw masterErrors.alreadyInactive(kind, id)
    await this.#apply(actor, kind, state, 'deactivated')
  }

  /** Soft-deletes every row of the record: is_deleted, inactive, upd_dtimes = del_dtimes = now. */
  async decommission(actor: Actor, kind: MasterKind, id: string): Promise<void> {
    if (kind === 'center' && (id.length === 0 || id.length > 10))
      throw masterErrors.invalidCenterIdLength()
    const state = await findRecordState(this.deps.db, kind, id)
    // MOSIP answers "already decommissioned or not found" with one code for centers.
    if (!state)
      throw kind === 'center'
        ? masterErrors.alreadyDecommissioned(kind, id)
        : masterErrors.notFound(kind, id)
    await this.#assertCovers(actor, kind, state)
    if (state.isDeleted) throw masterErrors.alreadyDecommissioned(kind, id)
    await this.#apply(actor, kind, state, 'decommissioned', async (trx) => {
      if (kind !== 'center') return
      // Checked under the center's lock, so a user, machine or device mapped meanwhile counts.
      const locked = await lockCenter(trx, id, 'update')
      if (!locked || locked.decommissioned) throw masterErrors.alreadyDecommissioned(kind, id)
      const mapped = await centerMappings(trx, id)
      if (mapped.users > 0) throw masterErrors.mappedUsers()
      if (mapped.machines > 0) throw masterErrors.mappedMachines()
      if (mapped.devices > 0) throw masterErrors.mappedDevices()
    })
  }

  async #apply(
    actor: Actor,
    kind: MasterKind,
    state: RecordState,
    action: ChangeAction,
    check?: (trx: MasterDeps['db']) => Promise<void>,
  ) {
    const { db, bus, clock } = this.deps
    const now = clock()
    await db.transaction().execute(async (trx) => {
      await check?.(trx)
      if (action === 'decommissioned')
        await softDeleteRecord(trx, kind, state.id, actor.username, now)
      else await setRecordActive(trx, kind, state.id, action === 'activated', actor.username, now)
      await writeHistory(trx, kind, state.id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind,
        action,
        id: state.id,
        zoneCode: state.zoneCode,
        centerId: state.centerId,
      })
    })
  }

  async #changeable(actor: Actor, kind: MasterKind, id: string): Promise<RecordState> {
    const state = await findRecordState(this.deps.db, kind, id)
    if (!state) throw masterErrors.notFound(kind, id)
    await this.#assertCovers(actor, kind, state)
    if (state.isDeleted) throw masterErrors.decommissioned(kind, id)
    return state
  }

  async #assertCovers(actor: Actor, kind: MasterKind, state: RecordState): Promise<void> {
    const covered =
      state.zoneCode !== null && (await staffCoversZone(actor, state.zoneCode, this.deps.zones))
    if (!covered && !actor.zones.includes('*')) throw masterErrors.outsideZone(kind)
  }
}
