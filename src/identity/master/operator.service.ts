import { staffCoversZone } from '../../platform/auth/index.js'
import { assertCenterOpenForMapping, findCenter } from './center.repository.js'
import { masterErrors } from './errors.js'
import { recordMasterChange } from './master-change.js'
import { type Actor, type MasterDeps, primaryLanguage } from './master-deps.js'
import {
  findOperator,
  listOperators,
  type OperatorFilter,
  type OperatorRow,
  setOperatorZone,
} from './operator.repository.js'
import { encryptOperatorName, withOperatorName } from './personal-columns.js'
import { created } from './places.service.js'
import { wasActiveAt, writeHistory } from './record-history.js'
import { findZone, zonesUnder } from './zone.repository.js'

export interface NewOperator {
  /** The staff username (MOSIP: the Keycloak user id). */
  id: string
  /** Personal data: stored encrypted, presented to admins, never logged or published. */
  name: string
  statusCode?: string | null
  regCenterId?: string | null
  zoneCode: string
  isActive?: boolean
}

export type OperatorChanges = Partial<Omit<NewOperator, 'id' | 'isActive'>>

/** What registration processing learns about an officer or supervisor; no personal data. */
export interface OfficerStatus {
  readonly found: boolean
  readonly active: boolean
  readonly decommissioned: boolean
  readonly centerId: string | null
  readonly zoneCode: string | null
  /** Whether the officer was active at the asked instant (packet creation), from user_detail_h. */
  readonly activeAtInstant: boolean | null
}

/** Operators (registration officers and supervisors): user_detail, zone_user and history. */
export class OperatorService {
  constructor(private readonly deps: MasterDeps) {}

  /** The operator with their name decrypted (for administrators only). */
  async get(id: string): Promise<OperatorRow> {
    const operator = await findOperator(this.deps.db, id)
    if (!operator) throw masterErrors.notFound('user', id)
    return withOperatorName(this.deps.cipher, operator)
  }

  /** A page of the operators in the reader's zones, names decrypted; ordered by id, not name. */
  async list(reader: Pick<Actor, 'zones'>, filter: Omit<OperatorFilter, 'zoneCodes'>) {
    const { db, cipher } = this.deps
    const zoneCodes = reader.zones.includes('*') ? undefined : await zonesUnder(db, reader.zones)
    const page = await listOperators(db, { ...filter, ...(zoneCodes && { zoneCodes }) })
    const rows = await Promise.all(page.rows.map((row) => withOperatorName(cipher, row)))
    return { rows, total: page.total }
  }

  async create(actor: Actor, input: NewOperator): Promise<OperatorRow> {
    const { db, bus, clock } = this.deps
    await this.#validate(actor, input.zoneCode, input.regCenterId)
    if (await findOperator(db, input.id)) throw masterErrors.duplicate('User', input.id)
    // Before the transaction: the key store reads through the shared handle.
    const name = await encryptOperatorName(this.deps.cipher, input.id, input.name)
    const now = clock()
    await db.transaction().execute(async (trx) => {
      await assertCenterOpenForMapping(trx, input.regCenterId)
      await trx
        .insertInto('master.user_detail')
        .values({
          id: input.id,
          name,
          status_code: input.statusCode ?? 'ACT',
          regcntr_id: input.regCenterId ?? null,
          lang_code: primaryLanguage,
          is_active: input.isActive ?? true,
          ...created(actor, now),
        })
        .execute()
      await setOperatorZone(trx, input.id, input.zoneCode, actor.username, now)
      await writeHistory(trx, 'user', input.id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'user',
        action: 'created',
        id: input.id,
        zoneCode: input.zoneCode,
        centerId: input.regCenterId ?? null,
      })
    })
    return this.get(input.id)
  }

  async update(actor: Actor, id: string, changes: OperatorChanges): Promise<OperatorRow> {
    const { db, bus, clock, zones } = this.deps
    const current = await this.get(id)
    if (!current.zone_code || !(await staffCoversZone(actor, current.zone_code, zones)))
      throw masterErrors.outsideZone('user')
    if (current.is_deleted) throw masterErrors.decommissioned('user', id)
    const zoneCode = changes.zoneCode ?? current.zone_code
    const centerId = changes.regCenterId === undefined ? current.regcntr_id : changes.regCenterId
    await this.#validate(actor, zoneCode, centerId)
    const name =
      changes.name === undefined
        ? undefined
        : await encryptOperatorName(this.deps.cipher, id, changes.name)
    const now = clock()
    await db.transaction().execute(async (trx) => {
      await assertCenterOpenForMapping(trx, centerId)
      await trx
        .updateTable('master.user_detail')
        .set({
          ...(name !== undefined && { name }),
          ...(changes.statusCode !== undefined && { status_code: changes.statusCode }),
          regcntr_id: centerId,
          upd_by: actor.username,
          upd_dtimes: now,
        })
        .where('id', '=', id)
        .execute()
      if (zoneCode !== current.zone_code)
        await setOperatorZone(trx, id, zoneCode, actor.username, now)
      await writeHistory(trx, 'user', id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind: 'user',
        action: 'updated',
        id,
        zoneCode,
        centerId,
      })
    })
    return this.get(id)
  }

  /**
   * An officer's or supervisor's standing, for registration processing's OVM/SVM checks:
   * current state, and whether they were active at `instant` (the packet's creation time).
   */
  async officerStatus(id: string, instant?: Date): Promise<OfficerStatus> {
    const operator = await findOperator(this.deps.db, id)
    if (!operator)
      return {
        found: false,
        active: false,
        decommissioned: false,
        centerId: null,
        zoneCode: null,
        activeAtInstant: instant ? false : null,
      }
    const decommissioned = operator.is_deleted === true
    return {
      found: true,
      active: operator.is_active && !decommissioned,
      decommissioned,
      centerId: operator.regcntr_id,
      zoneCode: operator.zone_code,
      activeAtInstant: instant ? await wasActiveAt(this.deps.db, 'user', id, instant) : null,
    }
  }

  async #validate(actor: Actor, zoneCode: string, centerId: string | null | undefined) {
    const { db, zones } = this.deps
    if (!(await findZone(db, zoneCode))) throw masterErrors.zoneNotFound(zoneCode)
    if (!(await staffCoversZone(actor, zoneCode, zones))) throw masterErrors.outsideZone('user')
    if (centerId) {
      const center = await findCenter(db, centerId)
      if (!center) throw masterErrors.centerNotFound(centerId)
      if (center.is_deleted) throw masterErrors.decommissioned('center', centerId)
    }
  }
}
