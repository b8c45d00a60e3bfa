import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { rootAdmin, sampleCenter } from './master.fixtures.js'
import { masterTestKit } from './master.test-kit.js'

const north = { username: 'north-admin', zones: ['NTH'] }
const south = { username: 'south-admin', zones: ['STH'] }

describe.each(testBackends)('zones, equipment and operators on %s', (backend) => {
  const kit = masterTestKit(backend)
  const setUp = () => kit.setUp()

  it('reads the zone tree from hierarchy_path', async () => {
    const { master } = await setUp()
    expect(await master.zones.lineage('RSK')).toEqual(['RSK', 'NTH', 'MOR'])
    expect(await master.zones.lineage('UNKNOWN')).toEqual(['UNKNOWN'])
    expect((await master.places.getZone('RSK')).hierarchy_path).toBe('MOR/NTH/RSK')
    await expect(
      master.places.createZone(south, {
        code: 'X1',
        name: 'X',
        hierarchyLevelName: 'Region',
        parentZoneCode: 'NTH',
      }),
    ).rejects.toMatchObject({ code: 'MOS-MSD-441' })
    await expect(
      master.places.createZone(north, { code: 'ROOT2', name: 'X', hierarchyLevelName: 'Country' }),
    ).rejects.toMatchObject({ code: 'MOS-MSD-441' })
  })

  it('lets an admin act below their zone only, and lists only what they cover', async () => {
    const { master } = await setUp()
    const northern = await master.centers.create(north, sampleCenter())
    await expect(master.centers.create(south, sampleCenter())).rejects.toMatchObject({
      code: 'KER-MSD-441',
    })
    const southern = await master.centers.create(rootAdmin, sampleCenter({ zoneCode: 'STH' }))
    const page = { langCode: 'eng', pageNumber: 0, pageSize: 10 }
    expect((await master.centers.list(north, page)).rows.map((c) => c.id)).toEqual([northern.id])
    expect((await master.centers.list(south, page)).rows.map((c) => c.id)).toEqual([southern.id])
    expect((await master.centers.list(rootAdmin, page)).total).toBe(2)
    await expect(
      master.centers.update(south, northern.id, { name: 'taken over' }),
    ).rejects.toMatchObject({ code: 'KER-MSD-441' })
    await expect(
      master.equipment.createMachine(south, { name: 'm', machineSpecId: '1001', zoneCode: 'RSK' }),
    ).rejects.toMatchObject({ status: 403 })
    const machine = await master.equipment.createMachine(north, {
      name: 'm',
      machineSpecId: '1001',
      zoneCode: 'RSK',
    })
    await expect(master.lifecycle.deactivate(south, 'machine', machine.id)).rejects.toMatchObject({
      code: 'MOS-MSD-441',
    })
    await master.lifecycle.deactivate(north, 'machine', machine.id)
  })

  it('keeps machine, device and operator history and answers status lookups', async () => {
    const { master, clock } = await setUp()
    const center = await master.centers.create(rootAdmin, sampleCenter())
    const machine = await master.equipment.createMachine(rootAdmin, {
      name: 'desk-1',
      machineSpecId: '1001',
      zoneCode: 'RSK',
      regCenterId: center.id,
    })
    expect(machine.id).toBe('10001')
    await expect(
      master.equipment.createMachine(rootAdmin, {
        name: 'desk-1',
        machineSpecId: '1001',
        zoneCode: 'RSK',
      }),
    ).rejects.toMatchObject({ code: 'MOS-MSD-409' })
    const device = await master.equipment.createDevice(rootAdmin, {
      name: 'cam-1',
      deviceSpecId: '329',
      zoneCode: 'RSK',
    })
    await master.operators.create(rootAdmin, {
      id: 'officer7',
      name: 'Private Name',
      zoneCode: 'RSK',
      regCenterId: center.id,
    })
    const before = clock.now
    clock.advance(60_000)
    await master.lifecycle.deactivate(rootAdmin, 'user', 'officer7')
    await master.equipment.updateDevice(rootAdmin, device.id, { serialNum: 'SN-2' })
    const after = clock.advance(60_000)
    expect(await master.operatorStatus('officer7', before)).toEqual({
      found: true,
      active: false,
      decommissioned: false,
      centerId: center.id,
      zoneCode: 'RSK',
      activeAtInstant: true,
    })
    expect((await master.supervisorStatus('officer7', after)).activeAtInstant).toBe(false)
    expect((await master.operatorStatus('nobody')).found).toBe(false)
    expect(await master.wasActiveAt('machine', machine.id, after)).toBe(true)
    expect(await master.wasActiveAt('device', device.id, after)).toBe(true)
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from master.device_master_h where id = ${device.id}`.execute(
      kit.db(),
    )
    expect(rows[0]?.n).toBe(2)
    await master.lifecycle.decommission(rootAdmin, 'user', 'officer7')
    expect((await master.operatorStatus('officer7')).decommissioned).toBe(true)
    await expect(
      master.lifecycle.decommission(rootAdmin, 'user', 'officer7'),
    ).rejects.toMatchObject({ code: 'MOS-MSD-442' })
  })

  it('never puts an operator name in the audit log or events', async () => {
    const { master, bus } = await setUp()
    await master.operators.create(rootAdmin, {
      id: 'officer8',
      name: 'Secret Person',
      zoneCode: 'RSK',
    })
    await master.operators.update(rootAdmin, 'officer8', { name: 'Secret Person Renamed' })
    const { rows } = await sql<{ row: string }>`
      select row_to_json(a)::text as row from audit.app_audit_log a`.execute(kit.db())
    expect(rows.length).toBeGreaterThan(0)
    const everything = JSON.stringify([rows, bus.published])
    expect(everything).not.toContain('Secret')
    expect(bus.published.map((e) => e.topic)).toEqual([
      'identity.master.user.created',
      'identity.master.user.updated',
    ])
  })

  it('rolls back the change when publishing fails, leaving no audit or history', async () => {
    const { master, bus } = await setUp()
    const center = await master.centers.create(rootAdmin, sampleCenter())
    bus.publish = async () => {
      throw new Error('bus down')
    }
    await expect(master.lifecycle.deactivate(rootAdmin, 'center', center.id)).rejects.toThrow(
      'bus down',
    )
    expect((await master.centers.get(center.id)).is_active).toBe(true)
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit.app_audit_log where event_id = 'ADM-MSD-004'`.execute(
      kit.db(),
    )
    expect(rows[0]?.n).toBe(0)
  })
})
