import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import { makePacket } from '../test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from '../test-support/regprc-harness.js'
import { biometricCorrection, requestAdditionalInfo } from './additional-info.js'

describe.each(testBackends)('pause for additional information on %s', (backend) => {
  let h: RegprcHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('pauses up to maxAllowedIteration times per process, then rejects (RPR-WIA)', async () => {
    h = await openRegprcHarness(backend, {
      maxAllowedIteration: 3,
      maxAllowedIterationByProcess: { BIOMETRIC_CORRECTION: 2 },
    })
    const harness = h
    const { rid, packet } = makePacket()
    const id = await harness.submit(packet)
    await harness.drain()
    const now = new Date('2026-03-03T08:00:00.000Z')
    const pause = (spec = biometricCorrection) =>
      harness.db.transaction().execute(async (trx) => {
        // As a resume would leave it: processing again at the stage it stopped at.
        await trx
          .updateTable('regprc.registration')
          .set({ status_code: 'PROCESSING' })
          .where('workflow_instance_id', '=', id)
          .execute()
        const registration = await trx
          .selectFrom('regprc.registration')
          .selectAll()
          .where('workflow_instance_id', '=', id)
          .executeTakeFirstOrThrow()
        return requestAdditionalInfo(trx, harness.bus, registration, spec, harness.settings, now)
      })
    const stageBefore = (await harness.registration(id)).reg_stage_name

    expect(await pause()).toEqual({
      status: 'PAUSED_FOR_ADDITIONAL_INFO',
      additionalInfoReqId: `${rid}-BIOMETRIC_CORRECTION-1`,
      iteration: 1,
    })
    expect(await harness.registration(id)).toMatchObject({
      status_code: 'PAUSED_FOR_ADDITIONAL_INFO',
      reg_stage_name: stageBefore,
      latest_trn_type_code: 'INTERNAL_WORKFLOW_ACTION',
      default_resume_action: 'STOP_PROCESSING',
      resume_timestamp: new Date('2026-03-18T08:00:00.000Z'),
    })
    expect((await harness.history(id, rid)).at(-1)).toEqual([
      'INTERNAL_WORKFLOW_ACTION',
      'SUCCESS',
      'RPR-WIA-001',
      'packet paused and request additional info',
    ])
    expect((await pause()).status).toBe('PAUSED_FOR_ADDITIONAL_INFO')
    // The BIOMETRIC_CORRECTION limit (2) is reached: the third request rejects the packet.
    expect(await pause()).toEqual({ status: 'REJECTED' })
    expect(await harness.registration(id)).toMatchObject({
      status_code: 'REJECTED',
      reg_stage_name: stageBefore,
    })
    expect((await harness.history(id, rid)).at(-1)).toEqual([
      'INTERNAL_WORKFLOW_ACTION',
      'SUCCESS',
      'RPR-WIA-001',
      'Packet rejected as number of iterations exceeded permited limit.',
    ])
    const requests = await harness.db
      .selectFrom('regprc.additional_info_request')
      .select(['additional_info_req_id', 'additional_info_iteration', 'workflow_instance_id'])
      .orderBy('additional_info_iteration')
      .execute()
    expect(requests).toEqual(
      [1, 2].map((n) => ({
        additional_info_req_id: `${rid}-BIOMETRIC_CORRECTION-${n}`,
        additional_info_iteration: n,
        workflow_instance_id: id,
      })),
    )

    // Another process counts its own iterations, up to the default limit (3).
    const other = { process: 'DOCUMENT_CORRECTION', pauseForSeconds: 60 }
    for (const n of [1, 2, 3]) expect(await pause(other)).toMatchObject({ iteration: n })
    expect(await pause(other)).toEqual({ status: 'REJECTED' })

    const events = await sql<{ topic: string; event: { data: Record<string, unknown> } }>`
      select topic, event from bus.event
      where topic like 'identity.REGISTRATION_PROCESSOR_WORKFLOW_%'`.execute(h.database.db)
    const paused = events.rows.filter((r) => r.topic.endsWith('PAUSED_FOR_ADDITIONAL_INFO_EVENT'))
    expect(paused).toHaveLength(5)
    expect(paused[0]?.event.data).toEqual({
      instanceId: id,
      workflowType: 'NEW',
      additionalInfoProcess: 'BIOMETRIC_CORRECTION',
      additionalInfoRequestId: `${rid}-BIOMETRIC_CORRECTION-1`,
    })
    expect(
      events.rows
        .filter((r) => r.topic.endsWith('COMPLETED_EVENT'))
        .map((r) => r.event.data.resultCode),
    ).toEqual(['PROCESSED', 'REJECTED', 'REJECTED'])
  })
})
