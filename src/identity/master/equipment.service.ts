import { randomUUID } from 'node:crypto'
import { staffCoversZone } from '../../platform/auth/index.js'
import { assertCenterOpenForMapping, findCenter } from './center.repository.js'
import {
  type EquipmentFilter,
  findEquipment,
  listEquipment,
  machineNameTaken,
  nextMachineId,
  specExists,
} from './equipment.repository.js'
import { masterErrors } from './errors.js'
import { recordMasterChange } from './master-change.js'
import { type Actor, type MasterDeps, primaryLanguage } from './master-deps.js'
import type { DeviceRow, MachineRow } from './master.tables.js'
import { created } from './places.service.js'
import { writeHistory } from './record-history.js'
import { findZone, zonesUnder } from './zone.repository.js'

interface EquipmentCommon {
  name: string
  macAddress?: string | null
  serialNum?: string | null
  ipAddress?: string | null
  validityEndDtimes?: Date | null
  zoneCode: string
  regCenterId?: string | null
  isActive?: boolean
}

export interface NewMachine extends EquipmentCommon {
  machineSpecId: string
  publicKey?: string | null
  keyIndex?: string | null
  signPublicKey?: string | null
  signKeyIndex?: string | null
}

export interface NewDevice extends EquipmentCommon {
  deviceSpecId: string
}

/** Registration machines (ids from mid_seq) and biometric devices (UUID ids), zone-scoped. */
export class EquipmentService {
  constructor(private readonly deps: MasterDeps) {}

  async getMachine(id: string): Promise<MachineRow> {
    const machine = await findEquipment(this.deps.db, 'master.machine_master', id)
    if (!machine) throw masterErrors.notFound('machine', id)
    return machine
  }

  async getDevice(id: string): Promise<DeviceRow> {
    const device = await findEquipment(this.deps.db, 'master.device_master', id)
    if (!device) throw masterErrors.notFound('device', id)
    return device
  }

  async listMachines(reader: Pick<Actor, 'zones'>, filter: Omit<EquipmentFilter, 'zoneCodes'>) {
    return listEquipment(this.deps.db, 'master.machine_master', await this.#scope(reader, filter))
  }

  async listDevices(reader: Pick<Actor, 'zones'>, filter: Omit<EquipmentFilter, 'zoneCodes'>) {
    return listEquipment(this.deps.db, 'master.device_master', await this.#scope(reader, filter))
  }

  async createMachine(actor: Actor, input: NewMachine): Promise<MachineRow> {
    await this.#validate(actor, input, 'machine')
    if (!(await specExists(this.deps.db, 'master.machine_spec', input.machineSpecId)))
      throw masterErrors.unknownReference('machine spec', input.machineSpecId)
    if (await machineNameTaken(this.deps.db, input.name))
      throw masterErrors.duplicate('Machine named', input.name)
    return this.#insert(actor, 'machine', async (trx, now) => {
      const row = { ...machineColumns(input), id: await nextMachineId(trx), ...created(actor, now) }
      await trx.insertInto('master.machine_master').values(row).execute()
      return row
    })
  }

  async createDevice(actor: Actor, input: NewDevice): Promise<DeviceRow> {
    await this.#validate(actor, input, 'device')
    if (!(await specExists(this.deps.db, 'master.device_spec', input.deviceSpecId)))
      throw masterErrors.unknownReference('device spec', input.deviceSpecId)
    return this.#insert(actor, 'device', async (trx, now) => {
      const row = { ...deviceColumns(input), id: randomUUID(), ...created(actor, now) }
      await trx.insertInto('master.device_master').values(row).execute()
      return row
    })
  }

  async updateMachine(actor: Actor, id: string, changes: Partial<NewMachine>): Promise<MachineRow> {
    const current = await this.#changeable(actor, await this.getMachine(id), 'machine')
    const merged: NewMachine = { ...machineInput(current), ...changes }
    await this.#validate(actor, merged, 'machine')
    if (changes.name && (await machineNameTaken(this.deps.db, changes.name, id)))
      throw masterErrors.duplicate('Machine named', changes.name)
    await this.#update(actor, 'machine', id, merged.zoneCode, merged.regCenterId, (trx, stamp) =>
      trx
        .updateTable('master.machine_master')
        .set({ ...machineColumns(merged), ...stamp })
        .where('id', '=', id)
        .execute(),
    )
    return this.getMachine(id)
  }

  async updateDevice(actor: Actor, id: string, changes: Partial<NewDevice>): Promise<DeviceRow> {
    const current = await this.#changeable(actor, await this.getDevice(id), 'device')
    const merged: NewDevice = { ...deviceInput(current), ...changes }
    await this.#validate(actor, merged, 'device')
    await this.#update(actor, 'device', id, merged.zoneCode, merged.regCenterId, (trx, stamp) =>
      trx
        .updateTable('master.device_master')
        .set({ ...deviceColumns(merged), ...stamp })
        .where('id', '=', id)
        .execute(),
    )
    return this.getDevice(id)
  }

  async #insert<T extends MachineRow | DeviceRow>(
    actor: Actor,
    kind: 'machine' | 'device',
    insert: (trx: MasterDeps['db'], now: Date) => Promise<T>,
  ): Promise<T> {
    const { db, bus, clock } = this.deps
    const now = clock()
    return db.transaction().execute(async (trx) => {
      const row = await insert(trx, now)
      await assertCenterOpenForMapping(trx, row.regcntr_id)
      await writeHistory(trx, kind, row.id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind,
        action: 'created',
        id: row.id,
        zoneCode: row.zone_code,
        centerId: row.regcntr_id,
      })
      return row
    })
  }

  async #update(
    actor: Actor,
    kind: 'machine' | 'device',
    id: string,
    zoneCode: string,
    centerId: string | null | undefined,
    update: (
      trx: MasterDeps['db'],
      stamp: { upd_by: string; upd_dtimes: Date },
    ) => Promise<unknown>,
  ): Promise<void> {
    const { db, bus, clock } = this.deps
    const now = clock()
    await db.transaction().execute(async (trx) => {
      await assertCenterOpenForMapping(trx, centerId)
      await update(trx, { upd_by: actor.username, upd_dtimes: now })
      await writeHistory(trx, kind, id, now)
      await recordMasterChange(trx, bus, actor.username, {
        kind,
        action: 'updated',
        id,
        zoneCode,
        centerId: centerId ?? null,
      })
    })
  }

  async #scope(reader: Pick<Actor, 'zones'>, filter: Omit<EquipmentFilter, 'zoneCodes'>) {
    if (reader.zones.includes('*')) return filter
    return { ...filter, zoneCodes: await zonesUnder(this.deps.db, reader.zones) }
  }

  async #changeable<T extends MachineRow | DeviceRow>(
    actor: Actor,
    row: T,
    kind: 'machine' | 'device',
  ) {
    if (!(await staffCoversZone(actor, row.zone_code, this.deps.zones)))
      throw masterErrors.outsideZone(kind)
    if (row.is_deleted) throw masterErrors.decommissioned(kind, row.id)
    return row
  }

  /** The zone must exist and be covered; a mapped center must exist and not be decommissioned. */
  async #validate(actor: Actor, input: EquipmentCommon, kind: 'machine' | 'device'): Promise<void> {
    const { db, zones } = this.deps
    if (!(await findZone(db, input.zoneCode))) throw masterErrors.zoneNotFound(input.zoneCode)
    if (!(await staffCoversZone(actor, input.zoneCode, zones))) throw masterErrors.outsideZone(kind)
    if (input.regCenterId) {
      const center = await findCenter(db, input.regCenterId)
      if (!center) throw masterErrors.centerNotFound(input.regCenterId)
      if (center.is_deleted) throw masterErrors.decommissioned('center', input.regCenterId)
    }
  }
}

function commonColumns(input: EquipmentCommon) {
  return {
    name: input.name,
    mac_address: input.macAddress ?? null,
    serial_num: input.serialNum ?? null,
    ip_address: input.ipAddress ?? null,
    validity_end_dtimes: input.validityEndDtimes ?? null,
    zone_code: input.zoneCode,
    regcntr_id: input.regCenterId ?? null,
    lang_code: primaryLanguage,
    is_active: input.isActive ?? true,
  }
}

function machineColumns(input: NewMachine) {
  return {
    ...commonColumns(input),
    mspec_id: input.machineSpecId,
    public_key: input.publicKey ?? null,
    key_index: input.keyIndex ?? null,
    sign_public_key: input.signPublicKey ?? null,
    sign_key_index: input.signKeyIndex ?? null,
  }
}

function deviceColumns(input: NewDevice) {
  return { ...commonColumns(input), dspec_id: input.deviceSpecId }
}

function commonInput(row: MachineRow | DeviceRow): EquipmentCommon {
  return {
    name: row.name,
    macAddress: row.mac_address,
    serialNum: row.serial_num,
    ipAddress: row.ip_address,
    validityEndDtimes: row.validity_end_dtimes,
    zoneCode: row.zone_code,
    regCenterId: row.regcntr_id,
    isActive: row.is_active,
  }
}

function machineInput(row: MachineRow): NewMachine {
  return {
    ...commonInput(row),
    machineSpecId: row.mspec_id,
    publicKey: row.public_key,
    keyIndex: row.key_index,
    signPublicKey: row.sign_public_key,
    signKeyIndex: row.sign_key_index,
  }
}

function deviceInput(row: DeviceRow): NewDevice {
  return { ...commonInput(row), deviceSpecId: row.dspec_id }
}
