import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { reprocess } from './engine/reprocessor.js'
import { makePacket } from './test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from './test-support/regprc-harness.js'

describe.each(testBackends)('registration failures on %s', (backend) => {
  let h: RegprcHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  async function run(packet: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const id = await h!.submit(packet, extra)
    await h!.drain()
    return id
  }

  it('fails a packet created outside the center working hours (CMD-FAILED-010)', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket({ creationDate: '2026-03-07T10:00:00.000Z' }) // a Saturday
    const id = await run(packet)
    expect((await h.history(id, rid)).at(-1)).toEqual([
      'CMD_VALIDATION',
      'FAILED',
      'RPR-CMD-FAILED-010',
      'Packet was Not Created during Working Hours - 10001',
    ])
    expect(await h.registration(id)).toMatchObject({
      status_code: 'FAILED',
      reg_stage_name: 'CMDValidatorStage',
    })
    const { rows } = await sql<{ event: { data: Record<string, unknown> } }>`
      select event from bus.event where topic = 'identity.REGISTRATION_PROCESSOR_WORKFLOW_COMPLETED_EVENT'`.execute(
      h.database.db,
    )
    expect(rows.map((r) => r.event.data)).toEqual([
      {
        instanceId: id,
        resultCode: 'FAILED',
        workflowType: 'NEW',
        errorCode: 'RPR-CMD-FAILED-010',
      },
    ])
    const stageEvents = await sql<{ event: { data: Record<string, unknown> } }>`
      select event from bus.event where topic = 'identity.regprc.stage'`.execute(h.database.db)
    expect(stageEvents.rows).toHaveLength(6)
    expect(JSON.stringify(stageEvents.rows)).not.toContain('Amina')
  })

  it('fails a packet from a center that was inactive (CMD-FAILED-003)', async () => {
    h = await openRegprcHarness(backend)
    h.master.set('center', '10001', false)
    const { rid, packet } = makePacket()
    const id = await run(packet)
    expect((await h.history(id, rid)).at(-1)?.slice(2)).toEqual([
      'RPR-CMD-FAILED-003',
      'Center was InActive during Packet Creation - 10001',
    ])
  })

  it('fails a child registered without an introducer (IVM-FAILED-002)', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket({ dob: '2016/01/15' })
    const id = await run(packet)
    expect((await h.history(id, rid)).slice(-2)).toEqual([
      [
        'SUPERVISOR_VALIDATION',
        'SUCCESS',
        'RPR-SVM-SUCCESS-001',
        'SUPERVISOR Validation is Successful',
      ],
      [
        'INTRODUCER_VALIDATION',
        'FAILED',
        'RPR-IVM-FAILED-002',
        'UIN or RID of Introducer Not Found in Packet',
      ],
    ])
    expect((await h.registration(id)).status_code).toBe('FAILED')
  })

  it('accepts a child whose introducer has a UIN', async () => {
    h = await openRegprcHarness(backend)
    const parent = makePacket()
    await run(parent.packet)
    const uin = h.identity.uinOfRid(parent.rid)!
    const child = makePacket({ dob: '2016/01/15', name: 'Baraka Njoroge', introducerUIN: uin })
    const id = await run(child.packet)
    const history = await h.history(id, child.rid)
    expect(history).toContainEqual([
      'INTRODUCER_VALIDATION',
      'SUCCESS',
      'RPR-IVM-SUCCESS-001',
      'INTRODUCER Validation is Successful',
    ])
    expect((await h.registration(id)).status_code).toBe('PROCESSED')
  })

  it('fails low-quality biometrics (QCK-FAILED-001), a supervisor rejection (PKV-FAILED-011) and missing consent', async () => {
    h = await openRegprcHarness(backend)
    const poor = makePacket({ quality: 10 })
    const poorId = await run(poor.packet)
    expect((await h.history(poorId, poor.rid)).at(-1)).toEqual([
      'QUALITY_CLASSIFIER',
      'FAILED',
      'RPR-QCK-FAILED-001',
      'Quality Score of Biometrics Captured is Below the Threshold',
    ])
    const rejected = makePacket({ name: 'Other Person' })
    const rejectedId = await run(rejected.packet, { supervisorStatus: 'REJECTED' })
    expect((await h.history(rejectedId, rejected.rid)).at(-1)).toEqual([
      'VALIDATE_PACKET',
      'FAILED',
      'RPR-PKV-FAILED-011',
      'Rejected by Supervisor',
    ])
    const noConsent = makePacket({ name: 'Third Person' })
    ;(noConsent.packet.metaInfo as Record<string, unknown>).consent = 'No'
    const noConsentId = await run(noConsent.packet)
    expect((await h.history(noConsentId, noConsent.rid)).at(-1)?.[2]).toBe('RPR-PKV-FAILED-017')
  })

  it('fails a packet whose ID object lacks mandatory fields (PKV-FAILED-009)', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket({ identity: { IDSchemaVersion: 0.1 } })
    const id = await run(packet)
    expect((await h.history(id, rid)).at(-1)).toEqual([
      'VALIDATE_PACKET',
      'FAILED',
      'RPR-PKV-FAILED-009',
      'Mandatory Fields are Not Present in ID Object',
    ])
  })

  it('records an accepted packet that fails the packet schema (PKV-FAILED-002)', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket()
    delete packet.metaInfo
    const id = await run(packet)
    expect((await h.history(id, rid)).slice(3)).toEqual([
      ['VALIDATE_PACKET', 'FAILED', 'RPR-PKV-FAILED-002', 'Schema Validation Failed'],
    ])
    expect((await h.registration(id)).status_code).toBe('FAILED')
  })

  it('marks an internal error for reprocessing, and the reprocessor resumes the stage', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket()
    h.identity.failNext = 1
    const id = await run(packet)
    expect(await h.registration(id)).toMatchObject({
      status_code: 'REPROCESS',
      reg_stage_name: 'UinGeneratorStage',
    })
    // Not yet due: the elapse time (900 s) has not passed.
    expect(
      await reprocess({
        db: h.database.db,
        bus: h.bus,
        engine: () => h!.engine,
        settings: h.settings,
      }),
    ).toBe(0)
    const later = () => new Date(Date.now() + 901_000)
    const sent = await reprocess({
      db: h.database.db,
      bus: h.bus,
      engine: () => h!.engine,
      settings: h.settings,
      clock: later,
    })
    expect(sent).toBe(1)
    await h.drain()
    const history = await h.history(id, rid)
    expect(history.slice(-6, -3)).toEqual([
      ['UIN_GENERATOR', 'REPROCESS', 'RPR-SYS-EXCEPTION-001', 'Internal error occured - Error'],
      ['PACKET_REPROCESS', 'IN_PROGRESS', 'RPR-RPS-SUCCESS-001', 'Reprocess Completed'],
      ['UIN_GENERATOR', 'SUCCESS', 'RPR-UIN-SUCCESS-001', 'UIN Generated Successfully'],
    ])
    expect(await h.registration(id)).toMatchObject({
      status_code: 'PROCESSED',
      reg_process_retry_count: 1,
    })
  })

  it('restarts a registration whose first step was lost', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket()
    const id = await h.submit(packet)
    h.queue.length = 0
    const later = () => new Date(Date.now() + 901_000)
    await reprocess({
      db: h.database.db,
      bus: h.bus,
      engine: () => h!.engine,
      settings: h.settings,
      clock: later,
    })
    await h.drain()
    const history = await h.history(id, rid)
    expect(history[0]).toEqual([
      'PACKET_REPROCESS',
      'IN_PROGRESS',
      'RPR-RPS-SUCCESS-001',
      'Reprocess Completed',
    ])
    expect(history[1]?.[0]).toBe('PACKET_RECEIVER')
    expect((await h.registration(id)).status_code).toBe('PROCESSED')
  })

  it('gives up after the configured attempts (RPS-FAILED-001)', async () => {
    h = await openRegprcHarness(backend, { reprocessAttemptCount: 1 })
    const { rid, packet } = makePacket()
    h.identity.failNext = 10
    const id = await run(packet)
    const options = {
      db: h.database.db,
      bus: h.bus,
      engine: () => h!.engine,
      settings: h.settings,
      clock: () => new Date(Date.now() + 901_000),
    }
    await reprocess(options)
    await h.drain()
    await reprocess(options)
    expect((await h.history(id, rid)).slice(-2)).toEqual([
      ['UIN_GENERATOR', 'REPROCESS', 'RPR-SYS-EXCEPTION-001', 'Internal error occured - Error'],
      [
        'PACKET_REPROCESS',
        'REPROCESS_FAILED',
        'RPR-RPS-FAILED-001',
        'Reprocess count has exceeded the configured attempts',
      ],
    ])
    expect((await h.registration(id)).status_code).toBe('REPROCESS_FAILED')
  })
})
