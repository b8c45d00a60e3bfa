import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { makePacket, person, recapture } from './test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from './test-support/regprc-harness.js'

const intake = ['PACKET_RECEIVER', 'SECUREZONE_NOTIFICATION', 'UPLOAD_PACKET']

describe.each(testBackends)('UPDATE, LOST, resident and status registrations on %s', (backend) => {
  let h: RegprcHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  /** Issues an identity through a NEW registration; returns its UIN and templates. */
  async function issued() {
    const templates = person()
    const { rid, packet } = makePacket({ templates })
    await h!.submit(packet)
    await h!.drain()
    return { uin: h!.identity.uinOfRid(rid)!, templates, rid }
  }

  async function run(packet: Record<string, unknown>) {
    const id = await h!.submit(packet)
    await h!.drain()
    return id
  }

  const codes = (history: string[][]) => history.map((row) => `${row[0]} ${row[2]}`)

  it('UPDATE authenticates the resident biometrically and updates the identity', async () => {
    h = await openRegprcHarness(backend)
    const { uin, templates } = await issued()
    const update = makePacket({ process: 'UPDATE', uin, templates: recapture(templates) })
    const id = await run(update.packet)
    expect(codes(await h.history(id, update.rid)).slice(8)).toEqual([
      'QUALITY_CLASSIFIER RPR-QCK-SUCCESS-002',
      'BIOMETRIC_AUTHENTICATION RPR-BAU-SUCCESS-001',
      'DEMOGRAPHIC_VERIFICATION RPR-DDP-SKIPPED-003',
      'BIOGRAPHIC_VERIFICATION RPR-BDP-SUCCESS-001',
      'BIOGRAPHIC_VERIFICATION RPR-AMW-SUCCESS-002',
      'BIOGRAPHIC_VERIFICATION RPR-BDP-SUCCESS-002',
      'UIN_GENERATOR RPR-UIN-SUCCESS-002',
      'BIOMETRIC_EXTRACTION RPR-BEN-SUCCESS-001',
      'FINALIZATION RPR-FIN-SUCCESS-001',
      'PRINT_SERVICE RPR-PPS-SUCCESS-001',
    ])
    expect(h.identity.uinOfRid(update.rid)).toBe(uin)
  })

  it('UPDATE fails when the biometrics are not the resident’s (BAU-FAILED-001) or the UIN is unknown', async () => {
    h = await openRegprcHarness(backend)
    const { uin } = await issued()
    const impostor = makePacket({ process: 'UPDATE', uin })
    const id = await run(impostor.packet)
    expect((await h.history(id, impostor.rid)).at(-1)).toEqual([
      'BIOMETRIC_AUTHENTICATION',
      'FAILED',
      'RPR-BAU-FAILED-001',
      'Biometric Authentication has Failed',
    ])
    const unknown = makePacket({ process: 'UPDATE', uin: '9999999999' })
    const unknownId = await run(unknown.packet)
    expect((await h.history(unknownId, unknown.rid)).at(-1)?.[2]).toBe('RPR-PKV-FAILED-008')
  })

  it('LOST finds the UIN by biometrics and links the RID to it', async () => {
    h = await openRegprcHarness(backend)
    const { uin, templates } = await issued()
    const lost = makePacket({
      process: 'LOST',
      identity: { IDSchemaVersion: 0.1 },
      templates: recapture(templates),
    })
    const id = await run(lost.packet)
    expect(codes(await h.history(id, lost.rid)).slice(8)).toEqual([
      'QUALITY_CLASSIFIER RPR-QCK-SUCCESS-002',
      'BIOGRAPHIC_VERIFICATION RPR-BDP-SUCCESS-001',
      'BIOGRAPHIC_VERIFICATION RPR-BDP-SUCCESS-001',
      'BIOGRAPHIC_VERIFICATION RPR-AMW-SUCCESS-002',
      'BIOGRAPHIC_VERIFICATION RPR-BDP-SUCCESS-003',
      'UIN_GENERATOR RPR-UIN-SUCCESS-005',
      'BIOMETRIC_EXTRACTION RPR-BEN-SUCCESS-001',
      'FINALIZATION RPR-FIN-SUCCESS-001',
      'PRINT_SERVICE RPR-PPS-SUCCESS-001',
    ])
    expect(h.identity.uinOfRid(lost.rid)).toBe(uin)
    const link = await h.db
      .selectFrom('regprc.reg_lost_uin_det')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(link).toMatchObject({ reg_id: lost.rid, workflow_instance_id: id })
  })

  it('LOST rejects a packet whose biometrics match no identity (BDP-FAILED-002)', async () => {
    h = await openRegprcHarness(backend)
    await issued()
    const lost = makePacket({ process: 'LOST', identity: { IDSchemaVersion: 0.1 } })
    const id = await run(lost.packet)
    expect((await h.history(id, lost.rid)).at(-1)).toEqual([
      'BIOGRAPHIC_VERIFICATION',
      'FAILED',
      'RPR-BDP-FAILED-002',
      'No Match was Found for the Biometrics Received',
    ])
    expect((await h.registration(id)).status_code).toBe('REJECTED')
  })

  it('RES_UPDATE updates the identity from the resident portal', async () => {
    h = await openRegprcHarness(backend)
    const { uin } = await issued()
    const update = makePacket({ process: 'RES_UPDATE', uin, templates: null })
    update.packet.source = 'RESIDENT'
    // Resident packets come from the portal: no center, machine, officer or devices.
    update.packet.metaInfo = { creationDate: '2026-03-02T10:00:00.000Z' }
    const id = await run(update.packet)
    expect(codes(await h.history(id, update.rid))).toEqual([
      ...intake.map((t) => expect.stringContaining(t)),
      'VALIDATE_PACKET RPR-PKV-SUCCESS-001',
      'DEMOGRAPHIC_VERIFICATION RPR-DDP-SKIPPED-003',
      'UIN_GENERATOR RPR-UIN-SUCCESS-002',
      'BIOMETRIC_EXTRACTION RPR-BEN-SUCCESS-001',
      'FINALIZATION RPR-FIN-SUCCESS-001',
      'PRINT_SERVICE RPR-PPS-SUCCESS-001',
    ])
    expect(await h.registration(id)).toMatchObject({ status_code: 'PROCESSED', source: 'RESIDENT' })
  })

  it('RES_REPRINT requests a credential, and fails for an unknown UIN', async () => {
    h = await openRegprcHarness(backend)
    const { uin } = await issued()
    const reprint = makePacket({ process: 'RES_REPRINT', uin, templates: null })
    const id = await run(reprint.packet)
    expect(codes(await h.history(id, reprint.rid)).slice(3)).toEqual([
      'PRINT_SERVICE RPR-PPS-SUCCESS-001',
    ])
    expect((await h.registration(id)).status_code).toBe('PROCESSED')
    const unknown = makePacket({ process: 'RES_REPRINT', uin: '9999999999', templates: null })
    const unknownId = await run(unknown.packet)
    expect((await h.history(unknownId, unknown.rid)).at(-1)?.slice(1, 3)).toEqual([
      'FAILED',
      'RPR-PPS-FAILED-009',
    ])
  })

  it('DEACTIVATED and ACTIVATED change the UIN status, and refuse a repeat', async () => {
    h = await openRegprcHarness(backend)
    const { uin } = await issued()
    const deactivate = makePacket({ process: 'DEACTIVATED', uin, templates: null })
    const id = await run(deactivate.packet)
    expect(codes(await h.history(id, deactivate.rid)).slice(3)).toEqual([
      'UIN_GENERATOR RPR-UIN-SUCCESS-004',
      'BIOMETRIC_EXTRACTION RPR-BEN-SUCCESS-001',
      'FINALIZATION RPR-FIN-SUCCESS-001',
    ])
    expect((await h.identity.findIdentity({ uin }))?.status).toBe('DEACTIVATED')
    const again = makePacket({ process: 'DEACTIVATED', uin, templates: null })
    const againId = await run(again.packet)
    expect((await h.history(againId, again.rid)).at(-1)).toEqual([
      'UIN_GENERATOR',
      'FAILED',
      'RPR-UIN-FAILED-003',
      'UIN already deactivated',
    ])
    const activate = makePacket({ process: 'ACTIVATED', uin, templates: null })
    const activateId = await run(activate.packet)
    expect((await h.history(activateId, activate.rid))[3]).toEqual([
      'UIN_GENERATOR',
      'SUCCESS',
      'RPR-UIN-SUCCESS-003',
      'UIN is Activated',
    ])
    expect((await h.identity.findIdentity({ uin }))?.status).toBe('ACTIVATED')
    expect((await h.registration(activateId)).status_code).toBe('PROCESSED')
  })

  it('sends an infant to verification and issues the UIN once verified', async () => {
    h = await openRegprcHarness(backend)
    const { uin } = await issued()
    const infant = makePacket({
      dob: '2024/06/01',
      name: 'Neema Njoroge',
      introducerUIN: uin,
      templates: null,
    })
    const id = await run(infant.packet)
    expect((await h.history(id, infant.rid)).at(-1)).toEqual([
      'VERIFICATION',
      'IN_PROGRESS',
      'RPR-VER-003',
      'Sent for verification',
    ])
    await h.adjudication.verify({
      workflowInstanceId: id,
      decision: 'APPROVED',
      user: 'supervisor1',
    })
    await h.drain()
    expect(codes(await h.history(id, infant.rid)).slice(-5, -3)).toEqual([
      'VERIFICATION RPR-VER-001',
      'UIN_GENERATOR RPR-UIN-SUCCESS-001',
    ])
    expect((await h.registration(id)).status_code).toBe('PROCESSED')
  })
})
