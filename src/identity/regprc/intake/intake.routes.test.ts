import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import type { HttpApp } from '../../../platform/http/index.js'
import { createTestHttpApp } from '../../../platform/http/test-http-app.js'
import { registerAdjudicationRoutes } from '../adjudication/adjudication.routes.js'
import { syncItemFor, syncRequest, testRequestTime } from '../test-support/sync-request.js'
import { makePacket } from '../test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from '../test-support/regprc-harness.js'
import { registerIntakeRoutes } from './intake.routes.js'

const requesttime = testRequestTime

describe.each(testBackends)('registration processor API on %s', (backend) => {
  let h: RegprcHarness | undefined
  let app: HttpApp | undefined
  afterEach(async () => {
    await app?.close()
    await h?.close()
    app = h = undefined
  })

  async function start() {
    h = await openRegprcHarness(backend)
    const test = await createTestHttpApp(h.database.db)
    app = test.app
    await registerIntakeRoutes(app, {
      db: h.database.db,
      cipher: h.cipher,
      settings: h.settings,
      packets: h.packets,
      engine: h.engine,
    })
    registerAdjudicationRoutes(app, h.adjudication)
    await app.ready()
    const token = test.staffToken
    return {
      officer: await token(['REGISTRATION_OFFICER'], 'officer1'),
      analyst: await token(['FRAUD_ANALYST'], 'analyst1'),
      supervisor: await token(['REGISTRATION_SUPERVISOR'], 'supervisor1'),
    }
  }

  /** MOSIP's status search for `rids`, as the registration client calls it. */
  const searchStatus = (authorization: string, rids: readonly string[]) =>
    app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/registrationstatus/search',
      headers: { authorization, 'content-type': 'application/json' },
      payload: {
        id: 'mosip.registration.status',
        version: '1.0',
        requesttime,
        request: rids.map((registrationId) => ({ registrationId })),
      },
    })
  const itemFor = (raw: string, rid: string, extra: Record<string, unknown> = {}) =>
    syncItemFor(raw, rid, { name: 'Amina Njoroge', ...extra })

  it('syncs, receives and processes a packet, and reports its status', async () => {
    const { officer } = await start()
    const { rid, packet } = makePacket()
    const raw = JSON.stringify(packet)
    const headers = { authorization: officer, 'content-type': 'application/json' }
    const sync = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/registrationstatus/sync',
      headers,
      payload: syncRequest([
        itemFor(raw, rid),
        itemFor(raw, rid, { registrationType: 'BOGUS', registrationId: '1' }),
        itemFor(raw, rid, { packetHashValue: 'zz' }),
      ]),
    })
    expect(sync.statusCode).toBe(200)
    expect(sync.json().response).toMatchObject([
      { registrationId: rid, status: 'SUCCESS' },
      // MOSIP checks the type before the RID.
      { status: 'FAILURE', errorCode: 'RPR-RGS-003', message: 'Invalid Sync Type' },
      {
        status: 'FAILURE',
        errorCode: 'MOS-REQ-001',
        message: expect.stringContaining('request.packetHashValue'),
      },
    ])
    const status = () => searchStatus(officer, [rid])
    expect((await status()).json().response).toEqual([
      { registrationId: rid, statusCode: 'UPLOAD_PENDING' },
    ])
    const tampered = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/packetreceiver/registrationpackets',
      headers,
      payload: raw.replace('Amina', 'Anima'),
    })
    expect(tampered.json().errors[0].errorCode).toBe('RPR-PKR-009')
    expect((await status()).json().response[0].statusCode).toBe('RESEND')
    const upload = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/packetreceiver/registrationpackets',
      headers,
      payload: raw,
    })
    expect(upload.statusCode).toBe(200)
    expect(upload.json().response).toEqual({
      status: 'Packet has reached Packet Receiver',
      registrationId: rid,
    })
    const again = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/packetreceiver/registrationpackets',
      headers,
      payload: raw,
    })
    expect(again.json().errors[0]).toMatchObject({
      errorCode: 'RPR-PKR-005',
      message: 'Duplicate Request Received',
    })
    await h!.drain()
    expect((await status()).json().response).toEqual([
      { registrationId: rid, statusCode: 'UIN_GENERATED' },
    ])
  })

  it('checks sync items in MOSIP’s order, with MOSIP’s RPR-RGS codes', async () => {
    const { officer } = await start()
    const { rid, packet } = makePacket()
    const raw = JSON.stringify(packet)
    const sync = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/registrationstatus/sync',
      headers: { authorization: officer },
      payload: syncRequest([
        itemFor(raw, rid, { langCode: 'en', registrationType: 'BOGUS' }),
        itemFor(raw, rid, { packetHashValue: null, supervisorStatus: 'MAYBE' }),
        itemFor(raw, rid, { supervisorStatus: 'MAYBE', registrationId: null }),
        itemFor(raw, rid, { registrationId: null }),
        itemFor(raw, rid, { registrationId: rid.slice(1) }),
        itemFor(raw, rid, { registrationId: `${rid.slice(0, 28)}X` }),
        itemFor(raw, rid, { registrationId: `${rid.slice(0, 15)}20261399000000` }),
      ]),
    })
    expect(
      sync
        .json()
        .response.map((r: { errorCode: string; message: string }) => [r.errorCode, r.message]),
    ).toEqual([
      ['RPR-RGS-004', 'Invalid Language Code - Language Code must be of Three Characters'],
      ['RPR-RGS-027', 'Invalid Request Value - Hash Sequence is NULL'],
      ['RPR-RGS-026', 'Invalid Request Value - Supervisor Status can be APPROVED/REJECTED'],
      ['RPR-RGS-006', 'Invalid Request Value - RID cannot be NULL'],
      ['RPR-RGS-009', 'Invalid Request Value - RID Length is not as per Configuration'],
      ['RPR-RGS-008', 'Invalid Request Value - RID must be Numberic'],
      ['RPR-RGS-007', 'Invalid Request Value - Invalid Timestamp in RID'],
    ])
  })

  it('answers RPR-RGS-031 for an unknown RID and RPR-PKR-013/002 for a packet of the wrong size', async () => {
    const { officer } = await start()
    const { rid, packet } = makePacket()
    const raw = JSON.stringify(packet)
    const headers = { authorization: officer, 'content-type': 'application/json' }
    await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/registrationstatus/sync',
      headers,
      payload: syncRequest([itemFor(raw, rid, { packetSize: Buffer.byteLength(raw) + 1 })]),
    })
    const unknown = makePacket().rid
    const search = await searchStatus(officer, [rid, unknown])
    expect(search.json()).toMatchObject({
      response: [{ registrationId: rid, statusCode: 'UPLOAD_PENDING' }],
      errors: [{ errorCode: 'RPR-RGS-031', message: 'RID Not Found', registrationId: unknown }],
    })
    const url = '/registrationprocessor/v1/packetreceiver/registrationpackets'
    const wrongSize = await app!.inject({ method: 'POST', url, headers, payload: raw })
    expect(wrongSize.json().errors[0]).toMatchObject({
      errorCode: 'RPR-PKR-013',
      message: 'Packet Size is Not Matching',
    })
    const tooBig = await app!.inject({
      method: 'POST',
      url,
      headers,
      payload: raw.padEnd(h!.settings.maxPacketBytes + 1, ' '),
    })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().errors[0]).toMatchObject({
      errorCode: 'RPR-PKR-002',
      message: 'Invalid Packet Size',
    })
  })

  it('refuses unsynced and malformed packets with MOSIP codes, and other roles', async () => {
    const { officer, analyst } = await start()
    const headers = { authorization: officer, 'content-type': 'application/json' }
    const url = '/registrationprocessor/v1/packetreceiver/registrationpackets'
    const unsynced = await app!.inject({
      method: 'POST',
      url,
      headers,
      payload: JSON.stringify(makePacket().packet),
    })
    expect(unsynced.json().errors[0].errorCode).toBe('RPR-PKR-001')
    const garbage = await app!.inject({
      method: 'POST',
      url,
      headers,
      payload: '{"registrationId": 12',
    })
    expect(garbage.json().errors[0].errorCode).toBe('RPR-PKR-003')
    const forbidden = await app!.inject({
      method: 'POST',
      url,
      headers: { ...headers, authorization: analyst },
      payload: '{}',
    })
    expect(forbidden.statusCode).toBe(403)
    const badSync = await app!.inject({
      method: 'POST',
      url: '/registrationprocessor/v1/registrationstatus/sync',
      headers,
      payload: { id: 'mosip.registration.sync', version: '1.0', requesttime, request: 'x' },
    })
    expect(badSync.json().errors[0]).toMatchObject({
      errorCode: 'MOS-REQ-001',
      message: expect.stringContaining('body.request'),
    })
  })

  it('lets an analyst take and decide a potential duplicate', async () => {
    const { analyst } = await start()
    await h!.submit(makePacket().packet)
    await h!.drain()
    const second = makePacket()
    const id = await h!.submit(second.packet)
    await h!.drain()
    const headers = { authorization: analyst }
    const queue = await app!.inject({
      method: 'GET',
      url: '/api/v1/regprc/manual-adjudication?status=PENDING',
      headers,
    })
    expect(queue.json().response).toMatchObject([
      { workflowInstanceId: id, matchedRefType: 'DEMO' },
    ])
    expect(JSON.stringify(queue.json())).not.toContain('Amina')
    const taken = await app!.inject({
      method: 'POST',
      url: '/api/v1/regprc/manual-adjudication/assign',
      headers,
    })
    expect(taken.json().response.workflowInstanceId).toBe(id)
    const decided = await app!.inject({
      method: 'POST',
      url: '/api/v1/regprc/manual-adjudication/decision',
      headers,
      payload: { workflowInstanceId: id, decision: 'REJECTED', reasonCode: 'ADM' },
    })
    expect(decided.statusCode).toBe(200)
    const twice = await app!.inject({
      method: 'POST',
      url: '/api/v1/regprc/manual-adjudication/decision',
      headers,
      payload: { workflowInstanceId: id, decision: 'APPROVED', reasonCode: 'ADM' },
    })
    expect(twice.json().errors[0].errorCode).toBe('MOS-RPR-001')
    expect((await h!.registration(id)).status_code).toBe('REJECTED')
  })

  it('lets a supervisor verify an infant registration, once', async () => {
    const { supervisor, analyst } = await start()
    const { rid, packet } = makePacket({ dob: '2024/06/01', templates: null })
    const parent = makePacket({ name: 'Parent Person' })
    await h!.submit(parent.packet)
    await h!.drain()
    ;(packet.identity as Record<string, unknown>).introducerUIN = h!.identity.uinOfRid(parent.rid)
    const id = await h!.submit(packet)
    await h!.drain()
    const url = '/api/v1/regprc/verification/decision'
    const payload = { workflowInstanceId: id, decision: 'REJECTED' }
    const refused = await app!.inject({
      method: 'POST',
      url,
      headers: { authorization: analyst },
      payload,
    })
    expect(refused.statusCode).toBe(403)
    const decided = await app!.inject({
      method: 'POST',
      url,
      headers: { authorization: supervisor },
      payload,
    })
    expect(decided.statusCode).toBe(200)
    const again = await app!.inject({
      method: 'POST',
      url,
      headers: { authorization: supervisor },
      payload,
    })
    expect(again.json().errors[0].errorCode).toBe('MOS-RPR-001')
    expect((await h!.history(id, rid)).at(-1)).toEqual([
      'VERIFICATION',
      'FAILED',
      'RPR-VER-002',
      'Verification failed',
    ])
    expect((await h!.registration(id)).status_code).toBe('REJECTED')
  })
})
