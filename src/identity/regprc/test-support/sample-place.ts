import type { FieldCipher } from '../../../platform/crypto/index.js'
import type { Db } from '../../../platform/db/index.js'
import { rootAdmin, sampleCenter, seedCountry } from '../../master/master.fixtures.js'

/** Where test packets are captured: a center, one of its machines and a device. */
export interface SamplePlace {
  readonly centerId: string
  readonly machineId: string
  readonly deviceIds: string[]
}

/**
 * Master data a packet passes the registration processor's checks with: the small country of
 * `seedCountry`, the sample center (UTC+01:00, open Monday to Friday) with a machine and a
 * fingerprint device in zone RSK, and the operators `officer1` and `supervisor1` mapped to it.
 */
export async function equipSamplePlace(db: Db, cipher: FieldCipher): Promise<SamplePlace> {
  const { master } = await seedCountry(db, { cipher })
  const center = await master.centers.create(rootAdmin, sampleCenter())
  const common = { zoneCode: 'RSK', regCenterId: center.id }
  const machine = await master.equipment.createMachine(rootAdmin, {
    name: 'machine-1',
    machineSpecId: '1001',
    ...common,
  })
  const device = await master.equipment.createDevice(rootAdmin, {
    name: 'slap-1',
    deviceSpecId: '327',
    ...common,
  })
  for (const id of ['officer1', 'supervisor1'])
    await master.operators.create(rootAdmin, { id, name: id, ...common })
  return { centerId: center.id, machineId: machine.id, deviceIds: [device.id] }
}
