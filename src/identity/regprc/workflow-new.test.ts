import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { makePacket, person, recapture } from './test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from './test-support/regprc-harness.js'

const intake = [
  ['PACKET_RECEIVER', 'SUCCESS', 'RPR-PKR-SUCCESS-001', 'Packet has reached Packet Receiver'],
  [
    'SECUREZONE_NOTIFICATION',
    'SUCCESS',
    'RPR-SEN-SUCCESS-001',
    'Notification received to securezone',
  ],
  ['UPLOAD_PACKET', 'SUCCESS', 'RPR-PKU-SUCCESS-001', 'Packet is Uploaded to Packet Store'],
]
const validation = [
  ['VALIDATE_PACKET', 'SUCCESS', 'RPR-PKV-SUCCESS-001', 'Packet Validation is Successful'],
  ['PACKET_CLASSIFICATION', 'SUCCESS', 'RPR-PKCSUCCESS-001', 'Packet Classification is Successful'],
  ['CMD_VALIDATION', 'SUCCESS', 'RPR-CMD-SUCCESS-001', 'CMD Validation is Successful'],
  ['OPERATOR_VALIDATION', 'SUCCESS', 'RPR-OVM-SUCCESS-001', 'OPERATOR Validation is Successful'],
  [
    'SUPERVISOR_VALIDATION',
    'SUCCESS',
    'RPR-SVM-SUCCESS-001',
    'SUPERVISOR Validation is Successful',
  ],
]
const quality = [
  'QUALITY_CLASSIFIER',
  'SUCCESS',
  'RPR-QCK-SUCCESS-002',
  'Biometric Quality Check is Successful',
]
const abis = [
  [
    'BIOGRAPHIC_VERIFICATION',
    'SUCCESS',
    'RPR-BDP-SUCCESS-001',
    'Biometric Deduplication In-Progress',
  ],
  [
    'BIOGRAPHIC_VERIFICATION',
    'SUCCESS',
    'RPR-AMW-SUCCESS-002',
    'Recived sucessful response from ABIS',
  ],
]
const issuance = [
  ['BIOMETRIC_EXTRACTION', 'SUCCESS', 'RPR-BEN-SUCCESS-001', 'biometric extaction was successful'],
  ['FINALIZATION', 'SUCCESS', 'RPR-FIN-SUCCESS-001', 'idrepo draft was published  successfuly'],
  ['PRINT_SERVICE', 'SUCCESS', 'RPR-PPS-SUCCESS-001', 'Print request submitted'],
]

describe.each(testBackends)('NEW registrations on %s', (backend) => {
  let h: RegprcHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('runs the whole route and issues a UIN', async () => {
    h = await openRegprcHarness(backend)
    const { rid, packet } = makePacket()
    const id = await h.submit(packet)
    await h.drain()
    expect(await h.history(id, rid)).toEqual([
      ...intake,
      ...validation,
      quality,
      ['DEMOGRAPHIC_VERIFICATION', 'SUCCESS', 'RPR-DDP-SUCCESS-001', 'Demo Dedupe is Successful'],
      ...abis,
      [
        'BIOGRAPHIC_VERIFICATION',
        'SUCCESS',
        'RPR-BDP-SUCCESS-002',
        'Biometric Deduplication is Successful',
      ],
      ['UIN_GENERATOR', 'SUCCESS', 'RPR-UIN-SUCCESS-001', 'UIN Generated Successfully'],
      ...issuance,
    ])
    const registration = await h.registration(id)
    expect(registration).toMatchObject({
      status_code: 'PROCESSED',
      reg_stage_name: 'CredentialRequestorStage',
      latest_trn_type_code: 'PRINT_SERVICE',
      latest_trn_status_code: 'SUCCESS',
      last_success_stage_name: 'CredentialRequestorStage',
    })
    expect(h.identity.uinOfRid(rid)).toMatch(/^\d{10}$/)
    // The sync record holds no plaintext contact data; the packet store no plaintext packet.
    const sync = await h.db
      .selectFrom('regprc.registration_list')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(sync.name).toMatch(/^f1\./)
    expect(sync.phone).toMatch(/^f1\./)
    const stored = await h.db
      .selectFrom('regprc.packet_store')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(stored.packet_cipher).not.toContain('Amina')
    const audits = await h.database.db
      .withTables<{
        'audit.app_audit_log': { event_id: string; module_id: string | null; ref_id: string | null }
      }>()
      .selectFrom('audit.app_audit_log')
      .select(['event_id', 'module_id'])
      .where('ref_id', '=', rid)
      .execute()
    expect(audits.filter((a) => a.event_id === 'RPR_402')).toHaveLength(17)
    expect(audits.map((a) => a.module_id)).toContain('RPR-UIN')
    const profile = await h.db
      .selectFrom('regprc.anonymous_profile')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(JSON.parse(profile.profile)).toMatchObject({
      processName: 'NEW',
      processStage: 'CredentialRequestorStage',
      status: 'PROCESSED',
      ageGroup: 'ADULT',
      enrollmentCenterId: '10001',
      channel: [],
    })
    expect(profile.profile).not.toContain('Amina')
  })

  it('sends a demographic duplicate to manual adjudication, and rejects it when confirmed', async () => {
    h = await openRegprcHarness(backend)
    const first = makePacket()
    await h.submit(first.packet)
    await h.drain()
    const second = makePacket()
    const id = await h.submit(second.packet)
    await h.drain()
    const waiting = await h.history(id, second.rid)
    expect(waiting.slice(-2)).toEqual([
      [
        'DEMOGRAPHIC_VERIFICATION',
        'FAILED',
        'RPR-DDP-FAILED-002',
        'Potential Demo Match was Found',
      ],
      [
        'MANUAL_ADJUDICATION',
        'IN_PROGRESS',
        'RPR-MVS-002',
        'Manual verification request sent to queue',
      ],
    ])
    expect((await h.registration(id)).status_code).toBe('PROCESSING')
    const queue = await h.adjudication.list({ status: 'PENDING', limit: 10 })
    expect(queue).toMatchObject([
      { workflowInstanceId: id, matchedRefId: first.rid, matchedRefType: 'DEMO' },
    ])
    expect(await h.adjudication.assign('analyst1')).toBe(id)
    await h.adjudication.decide({
      workflowInstanceId: id,
      decision: 'REJECTED',
      reasonCode: 'ADD',
      user: 'analyst1',
    })
    await h.drain()
    expect((await h.history(id, second.rid)).at(-1)).toEqual([
      'MANUAL_ADJUDICATION',
      'FAILED',
      'RPR-MNV-FAILED-002',
      'Match Found by Manual Verifier',
    ])
    expect((await h.registration(id)).status_code).toBe('REJECTED')
    expect(h.identity.uinOfRid(second.rid)).toBeUndefined()
  })

  it('issues a UIN when the adjudicator finds no match', async () => {
    h = await openRegprcHarness(backend)
    await h.submit(makePacket().packet)
    await h.drain()
    const second = makePacket()
    const id = await h.submit(second.packet)
    await h.drain()
    await h.adjudication.assign('analyst1')
    await h.adjudication.decide({
      workflowInstanceId: id,
      decision: 'APPROVED',
      reasonCode: 'SDM',
      user: 'analyst1',
    })
    await h.drain()
    const history = await h.history(id, second.rid)
    expect(history.slice(-5)).toEqual([
      [
        'MANUAL_ADJUDICATION',
        'SUCCESS',
        'RPR-MNV-SUCCESS-001',
        'Match Not Found by Manual Verifier',
      ],
      ['UIN_GENERATOR', 'SUCCESS', 'RPR-UIN-SUCCESS-001', 'UIN Generated Successfully'],
      ...issuance,
    ])
  })

  it('sends a biometric duplicate to manual adjudication', async () => {
    h = await openRegprcHarness(backend)
    const templates = person()
    await h.submit(makePacket({ templates }).packet)
    await h.drain()
    const again = makePacket({
      templates: recapture(templates),
      name: 'Someone Else',
      dob: '1971/01/02',
    })
    const id = await h.submit(again.packet)
    await h.drain()
    expect((await h.history(id, again.rid)).slice(-2)).toEqual([
      [
        'BIOGRAPHIC_VERIFICATION',
        'FAILED',
        'RPR-BDP-FAILED-001',
        'Potential Biometric Match Found while Processing Packet',
      ],
      [
        'MANUAL_ADJUDICATION',
        'IN_PROGRESS',
        'RPR-MVS-002',
        'Manual verification request sent to queue',
      ],
    ])
    expect(await h.adjudication.list({ status: 'PENDING', limit: 10 })).toMatchObject([
      { workflowInstanceId: id, matchedRefType: 'BIO' },
    ])
  })
})
