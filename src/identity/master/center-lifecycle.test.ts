import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { rootAdmin, sampleCenter } from './master.fixtures.js'
import { masterTestKit } from './master.test-kit.js'
import type { MasterTables } from './master.tables.js'

const minute = 60_000

describe.each(testBackends)('center lifecycle on %s', (backend) => {
  const kit = masterTestKit(backend)

  async function setUp() {
    const country = await kit.setUp()
    const center = await country.master.centers.create(rootAdmin, sampleCenter())
    return { ...country, center, db: kit.db().withTables<MasterTables>() }
  }

  it('creates every language row from rcid_seq, with history, audit and event', async () => {
    const { center, db, bus } = await setUp()
    expect(center.id).toBe('10001')
    const rows = await db.selectFrom('master.registration_center').selectAll().execute()
    expect(rows.map((row) => row.lang_code).sort()).toEqual(['ara', 'eng', 'fra'])
    const history = await db.selectFrom('master.registration_center_h').selectAll().execute()
    expect(history).toHaveLength(3)
    expect(bus.published.map((e) => e.topic)).toEqual(['identity.master.center.created'])
    expect(bus.published[0]?.event.data).toEqual({
      kind: 'center',
      id: '10001',
      zoneCode: 'RSK',
      centerId: null,
    })
  })

  it('refuses to decommission while users, machines or devices are mapped, each with its code', async () => {
    const { master, center } = await setUp()
    const decommission = () => master.lifecycle.decommission(rootAdmin, 'center', center.id)
    await master.operators.create(rootAdmin, {
      id: 'officer1',
      name: 'Officer One',
      zoneCode: 'RSK',
      regCenterId: center.id,
    })
    const machine = await master.equipment.createMachine(rootAdmin, {
      name: 'machine-1',
      machineSpecId: '1001',
      zoneCode: 'RSK',
      regCenterId: center.id,
    })
    const device = await master.equipment.createDevice(rootAdmin, {
      name: 'slap-1',
      deviceSpecId: '327',
      zoneCode: 'RSK',
      regCenterId: center.id,
    })
    await expect(decommission()).rejects.toMatchObject({ code: 'KER-MSD-352', status: 409 })
    await master.lifecycle.decommission(rootAdmin, 'user', 'officer1')
    await expect(decommission()).rejects.toMatchObject({ code: 'KER-MSD-351' })
    await master.lifecycle.decommission(rootAdmin, 'machine', machine.id)
    await expect(decommission()).rejects.toMatchObject({ code: 'KER-MSD-350' })
    await master.lifecycle.decommission(rootAdmin, 'device', device.id)
    await decommission()
  })

  it('soft-deletes every language row, then refuses a second decommission', async () => {
    const { master, center, db, clock, bus } = await setUp()
    const at = clock.advance(5 * minute)
    await master.lifecycle.decommission(rootAdmin, 'center', center.id)
    const rows = await db.selectFrom('master.registration_center').selectAll().execute()
    expect(rows).toHaveLength(3)
    for (const row of rows)
      expect(row).toMatchObject({
        is_deleted: true,
        is_active: false,
        upd_by: 'root-admin',
        upd_dtimes: at,
        del_dtimes: at,
      })
    await expect(
      master.lifecycle.decommission(rootAdmin, 'center', center.id),
    ).rejects.toMatchObject({ code: 'KER-MSD-442' })
    await expect(master.lifecycle.activate(rootAdmin, 'center', center.id)).rejects.toMatchObject({
      code: 'MOS-MSD-410',
    })
    expect(bus.published.at(-1)?.topic).toBe('identity.master.center.decommissioned')
    const { rows: audits } = await sql<{ event_id: string; ref_id: string; app_id: string }>`
      select event_id, ref_id, app_id from audit.app_audit_log
      where event_id = 'ADM-MSD-005'`.execute(db)
    expect(audits).toEqual([{ event_id: 'ADM-MSD-005', ref_id: center.id, app_id: 'ADMIN' }])
  })

  it('refuses an unknown center, a bad id length and an admin of another zone', async () => {
    const { master, center } = await setUp()
    await expect(master.lifecycle.decommission(rootAdmin, 'center', '99999')).rejects.toMatchObject(
      { code: 'KER-MSD-442' },
    )
    await expect(
      master.lifecycle.decommission(rootAdmin, 'center', '12345678901'),
    ).rejects.toMatchObject({ code: 'KER-MSD-353' })
    const southAdmin = { username: 'south', zones: ['STH'] }
    await expect(
      master.lifecycle.decommission(southAdmin, 'center', center.id),
    ).rejects.toMatchObject({ code: 'KER-MSD-441', status: 403 })
    // An admin of a zone above the center's (NTH above RSK) covers it.
    await master.lifecycle.decommission({ username: 'north', zones: ['NTH'] }, 'center', center.id)
  })

  it('activates and deactivates all language rows, refusing no-op changes', async () => {
    const { master, center, db } = await setUp()
    await expect(master.lifecycle.activate(rootAdmin, 'center', center.id)).rejects.toMatchObject({
      code: 'KER-MSD-379',
    })
    await master.lifecycle.deactivate(rootAdmin, 'center', center.id)
    const rows = await db.selectFrom('master.registration_center').select('is_active').execute()
    expect(rows.every((row) => !row.is_active)).toBe(true)
    await expect(master.lifecycle.deactivate(rootAdmin, 'center', center.id)).rejects.toMatchObject(
      { code: 'KER-MSD-380' },
    )
    await master.lifecycle.activate(rootAdmin, 'center', center.id)
    expect((await master.centers.get(center.id, 'fra')).is_active).toBe(true)
  })

  it('answers wasActiveAt from the history tables', async () => {
    const { master, center, clock } = await setUp()
    const created = clock.now
    const deactivatedAt = clock.advance(10 * minute)
    await master.lifecycle.deactivate(rootAdmin, 'center', center.id)
    const reactivatedAt = clock.advance(10 * minute)
    await master.lifecycle.activate(rootAdmin, 'center', center.id)
    const at = (ms: number) => new Date(ms)
    expect(await master.wasActiveAt('center', center.id, at(created.getTime() - 1))).toBe(false)
    expect(await master.wasActiveAt('center', center.id, created)).toBe(true)
    expect(await master.wasActiveAt('center', center.id, at(deactivatedAt.getTime() + 1))).toBe(
      false,
    )
    expect(await master.wasActiveAt('center', center.id, reactivatedAt)).toBe(true)
    expect(await master.wasActiveAt('machine', '10001', reactivatedAt)).toBe(false)
  })

  it('updates shared columns on every row and writes a history row per language', async () => {
    const { master, center, db, clock } = await setUp()
    clock.advance(minute)
    await master.centers.update(rootAdmin, center.id, {
      centerEndTime: '18:00:00',
      name: 'Center A (renamed)',
      translations: { fra: { name: 'Centre A (renommé)' } },
    })
    const rows = await db
      .selectFrom('master.registration_center')
      .select(['lang_code', 'name', 'center_end_time'])
      .orderBy('lang_code')
      .execute()
    expect(rows).toEqual([
      { lang_code: 'ara', name: 'مركز أ', center_end_time: '18:00:00' },
      { lang_code: 'eng', name: 'Center A (renamed)', center_end_time: '18:00:00' },
      { lang_code: 'fra', name: 'Centre A (renommé)', center_end_time: '18:00:00' },
    ])
    const history = await db
      .selectFrom('master.registration_center_h')
      .select('eff_dtimes')
      .execute()
    expect(history).toHaveLength(6)
    await expect(
      master.centers.update(rootAdmin, center.id, { lunchStartTime: '15:00:00' }),
    ).rejects.toMatchObject({ code: 'KER-MSD-308' })
    await expect(
      master.centers.update(rootAdmin, center.id, { zoneCode: 'NOPE' }),
    ).rejects.toMatchObject({ code: 'KER-MSD-340' })
  })
  it.runIf(backend === 'postgres')(
    'sees a user mapped while the decommission waits for the center lock',
    async () => {
      const { master, center, db } = await setUp()
      let release: () => void = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let locked: () => void = () => {}
      const lockTaken = new Promise<void>((resolve) => (locked = resolve))
      // Another administrator maps a user and has not committed yet.
      const mapping = db.transaction().execute(async (trx) => {
        await sql`select 1 from master.registration_center where id = ${center.id} for share`.execute(
          trx,
        )
        await sql`insert into master.user_detail (id, regcntr_id, is_active, cr_by, cr_dtimes)
          values ('late-officer', ${center.id}, true, 'other-admin', now())`.execute(trx)
        locked()
        await held
      })
      await lockTaken
      const outcome = master.lifecycle.decommission(rootAdmin, 'center', center.id).then(
        () => 'decommissioned',
        (error: unknown) => error,
      )
      await new Promise((resolve) => setTimeout(resolve, 200))
      release()
      await mapping
      expect(await outcome).toMatchObject({ code: 'KER-MSD-352' })
      expect((await master.centers.get(center.id)).is_deleted).toBe(false)
    },
  )
})
