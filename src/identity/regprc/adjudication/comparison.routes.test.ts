import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppAuditLogRow } from '../../audit/index.js'
import { testBackends } from '../../../platform/db/test-database.js'
import type { HttpApp } from '../../../platform/http/index.js'
import { createTestHttpApp } from '../../../platform/http/test-http-app.js'
import { makePacket } from '../test-support/packet-factory.js'
import { openRegprcHarness, type RegprcHarness } from '../test-support/regprc-harness.js'
import {
  registerAdjudicationComparisonRoute,
  registerAdjudicationRoutes,
} from './adjudication.routes.js'
import { createComparisonService } from './comparison.service.js'
import type { IdentityViewPort } from './identity-view.port.js'

/** Two registrations of one person (same name, date of birth, gender): a demographic match. */
const first = {
  name: 'Amina Njoroge',
  street: '12 Baobab Road',
  phone: '+254700000001',
  email: 'amina.njoroge@example.com',
}
const second = { street: '7 Acacia Lane', phone: '+254722000099', email: first.email }
/** The first person's identity was updated in the ID repository since (she moved). */
const moved = '40 Jacaranda Avenue'
/** Every personal value the test made up: none may reach an audit row or an error. */
const personal = [
  first.name,
  '1990/05/17',
  first.street,
  second.street,
  moved,
  first.phone,
  second.phone,
  first.email,
  'Female',
]

function identityOf(street: string, phone: string, email: string) {
  return {
    IDSchemaVersion: 0.1,
    fullName: [{ language: 'eng', value: first.name }],
    dateOfBirth: '1990/05/17',
    gender: [{ language: 'eng', value: 'Female' }],
    addressLine1: [{ language: 'eng', value: street }],
    region: 'R3',
    postalCode: '10101',
    phone,
    email,
    residenceStatus: 'NFR',
  }
}

function packetOf(street: string, phone: string, email: string) {
  const made = makePacket({ identity: identityOf(street, phone, email) })
  made.packet.documents = [
    { category: 'POI', type: 'DOC001', format: 'pdf', refId: 'poi-file-1', hash: 'ab'.repeat(32) },
    { category: 'POA', type: 'DOC005', format: 'jpg' },
  ]
  return made
}

describe.each(testBackends)('manual adjudication comparison on %s', (backend) => {
  let h: RegprcHarness | undefined
  let app: HttpApp | undefined
  afterEach(async () => {
    await app?.close()
    await h?.close()
    app = h = undefined
  })

  /**
   * Two packets of one person, the second waiting in manual adjudication; the ID repository
   * (in memory) answers for the first RID with the updated address, or not at all.
   */
  async function start(options: { repositoryKnowsMatch?: boolean } = {}) {
    h = await openRegprcHarness(backend)
    const harness = h
    const viewers: string[] = []
    const identities: IdentityViewPort = {
      async findByRid(rid, viewer) {
        viewers.push(viewer)
        const uin = harness.identity.uinOfRid(rid)
        const record = uin ? harness.identity.byUin.get(uin) : undefined
        if (!record || options.repositoryKnowsMatch === false) return null
        return {
          status: record.status,
          identity: record.identity,
          documents: [{ category: 'POI', type: 'DOC001', format: 'pdf' }],
        }
      },
    }
    const test = await createTestHttpApp(h.database.db)
    app = test.app
    registerAdjudicationRoutes(app, h.adjudication)
    registerAdjudicationComparisonRoute(
      app,
      createComparisonService({ db: h.database.db, packets: h.packets, identities }),
    )
    await app.ready()
    const matched = packetOf(first.street, first.phone, first.email)
    await h.submit(matched.packet)
    await h.drain()
    const uin = h.identity.uinOfRid(matched.rid)
    const record = uin ? h.identity.byUin.get(uin) : undefined
    if (!record) throw new Error('the first packet got no UIN')
    record.identity = { ...record.identity, addressLine1: [{ language: 'eng', value: moved }] }
    const applicant = packetOf(second.street, second.phone, second.email)
    const workflowInstanceId = await h.submit(applicant.packet)
    await h.drain()
    const token = test.staffToken
    return {
      matchedRid: matched.rid,
      rid: applicant.rid,
      workflowInstanceId,
      uin: uin!,
      viewers,
      analyst: await token(['FRAUD_ANALYST'], 'analyst1'),
      otherAnalyst: await token(['FRAUD_ANALYST'], 'analyst2'),
      supervisor: await token(['REGISTRATION_SUPERVISOR'], 'supervisor1'),
      officer: await token(['REGISTRATION_OFFICER'], 'officer1'),
    }
  }

  const compare = (authorization: string, id: string) =>
    app!.inject({
      method: 'GET',
      url: `/api/v1/regprc/manual-adjudication/${id}/comparison`,
      headers: { authorization },
    })
  const assign = (authorization: string) =>
    app!.inject({
      method: 'POST',
      url: '/api/v1/regprc/manual-adjudication/assign',
      headers: { authorization },
    })
  const audits = async () =>
    (
      await sql<AppAuditLogRow>`select * from audit.app_audit_log order by log_dtimes`.execute(
        h!.database.db,
      )
    ).rows

  it('shows the assigned adjudicator the applicant beside the matched identity, and audits each view once', async () => {
    const s = await start()
    expect((await assign(s.analyst)).json().response.workflowInstanceId).toBe(s.workflowInstanceId)
    const before = await audits()

    const response = await compare(s.analyst, s.workflowInstanceId)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json()
    expect(body.errors).toEqual([])
    const eng = (value: string) => [{ language: 'eng', value }]
    const address = (street: string) => ({
      addressLine1: eng(street),
      region: [{ language: null, value: 'R3' }],
      postalCode: [{ language: null, value: '10101' }],
    })
    const biometrics = ['Left', 'Right', 'Left IndexFinger', 'Right IndexFinger'].map(
      (subType) => ({
        type: subType.includes('Finger') ? 'Finger' : 'Iris',
        subType,
        qualityScore: 80,
        exception: false,
      }),
    )
    const documents = [
      { category: 'POI', type: 'DOC001', format: 'pdf' },
      { category: 'POA', type: 'DOC005', format: 'jpg' },
    ]
    expect(body.response).toEqual({
      workflowInstanceId: s.workflowInstanceId,
      registrationId: s.rid,
      process: 'NEW',
      applicant: {
        demographics: {
          fullName: eng(first.name),
          dateOfBirth: '1990/05/17',
          gender: eng('Female'),
          address: address(second.street),
          phone: '******99',
          email: '******oge@***',
        },
        documents,
        biometrics,
      },
      matches: [
        {
          matchedRefId: s.matchedRid,
          matchedRefTypes: ['DEMO'],
          sources: { demographics: 'ID_REPOSITORY', documents: 'PACKET', biometrics: 'PACKET' },
          uinStatus: 'ACTIVATED',
          demographics: {
            fullName: eng(first.name),
            dateOfBirth: '1990/05/17',
            gender: eng('Female'),
            address: address(moved),
            phone: '******01',
            email: '******oge@***',
          },
          documents,
          biometrics,
          sameAsApplicant: { phone: false, email: true },
        },
      ],
    })
    // No template, document reference, UIN or unmasked contact in the response.
    const text = response.body
    for (const secret of [s.uin, first.phone, second.phone, first.email, 'poi-file-1', 'template'])
      expect(text).not.toContain(secret)
    // The ID repository read names the viewer.
    expect(s.viewers).toEqual(['analyst1'])

    const after = await audits()
    expect(after).toHaveLength(before.length + 1)
    const seen = new Set(before.map((a) => a.log_id))
    const [row] = after.filter((a) => !seen.has(a.log_id))
    expect(row).toMatchObject({
      event_id: 'RPR_401',
      event_name: 'GET',
      event_type: 'BUSINESS',
      app_id: 'MOSIP_4',
      module_id: 'RPR-MNV',
      module_name: 'MANUAL_ADJUDICATION',
      ref_id: s.rid,
      ref_id_type: 'REGISTRATION_ID',
      session_user_id: 'analyst1',
      session_user_name: null,
    })
    expect(row?.log_desc).toContain(s.workflowInstanceId)
    expect(row?.log_desc).toContain(`DEMO ${s.matchedRid}`)
    for (const value of personal) expect(JSON.stringify(after)).not.toContain(value)

    // By RID: the same view, audited once more.
    const byRid = await compare(s.analyst, s.rid)
    expect(byRid.json().response).toEqual(body.response)
    const views = (await audits()).filter((a) => a.event_id === 'RPR_401')
    expect(views).toHaveLength(2)
  })

  it('falls back to the matched packet when the ID repository has no identity for the match', async () => {
    const s = await start({ repositoryKnowsMatch: false })
    await assign(s.analyst)
    const response = await compare(s.analyst, s.workflowInstanceId)
    expect(response.statusCode).toBe(200)
    const [match] = response.json().response.matches
    expect(match).toMatchObject({
      matchedRefId: s.matchedRid,
      sources: { demographics: 'PACKET', documents: 'PACKET', biometrics: 'PACKET' },
      uinStatus: null,
      demographics: { phone: '******01' },
      sameAsApplicant: { phone: false, email: true },
    })
    expect(match.demographics.address.addressLine1).toEqual([
      { language: 'eng', value: first.street },
    ])
  })

  it('refuses other adjudicators, other roles, an unassigned and a decided registration', async () => {
    const s = await start()
    const before = await audits()
    const refused = async (authorization: string, id: string, status: number, code: string) => {
      const response = await compare(authorization, id)
      expect(response.statusCode).toBe(status)
      expect(response.json()).toMatchObject({ response: null, errors: [{ errorCode: code }] })
      for (const value of personal) expect(response.body).not.toContain(value)
    }

    // Pending: nobody has taken it yet.
    await refused(s.analyst, s.workflowInstanceId, 403, 'RPR-MVS-004')
    await assign(s.analyst)
    // Assigned to analyst1: not to another analyst, a supervisor, or by its RID to them.
    await refused(s.otherAnalyst, s.workflowInstanceId, 403, 'RPR-MVS-004')
    await refused(s.supervisor, s.rid, 403, 'RPR-MVS-004')
    // Not an adjudicator's role at all: the access guard refuses before the service runs.
    await refused(s.officer, s.workflowInstanceId, 403, 'KER-ATH-403')
    // Unknown and malformed ids.
    await refused(s.analyst, randomUUID(), 404, 'MOS-RPR-003')
    await refused(s.analyst, 'not-a-registration', 400, 'MOS-REQ-001')
    // Decided: the view ends with the decision.
    const decided = await app!.inject({
      method: 'POST',
      url: '/api/v1/regprc/manual-adjudication/decision',
      headers: { authorization: s.analyst },
      payload: {
        workflowInstanceId: s.workflowInstanceId,
        decision: 'REJECTED',
        reasonCode: 'ADM',
      },
    })
    expect(decided.statusCode).toBe(200)
    await refused(s.analyst, s.workflowInstanceId, 403, 'RPR-MVS-004')

    // Nothing decrypted from the ID repository, no view recorded, each refusal recorded.
    expect(s.viewers).toEqual([])
    const seen = new Set(before.map((a) => a.log_id))
    const added = (await audits()).filter((a) => !seen.has(a.log_id))
    expect(added.filter((a) => a.event_id === 'RPR_401')).toEqual([])
    const refusals = added.filter((a) => a.event_id === 'RPR_405')
    expect(refusals.map((a) => [a.session_user_id, a.ref_id, a.log_desc])).toEqual([
      ['analyst1', s.rid, 'Manual adjudication comparison refused: RPR-MVS-004'],
      ['analyst2', s.rid, 'Manual adjudication comparison refused: RPR-MVS-004'],
      ['supervisor1', s.rid, 'Manual adjudication comparison refused: RPR-MVS-004'],
      ['analyst1', expect.any(String), 'Manual adjudication comparison refused: MOS-RPR-003'],
      ['analyst1', s.rid, 'Manual adjudication comparison refused: RPR-MVS-004'],
    ])
    expect(refusals.every((a) => a.event_type === 'SECURITY' && a.module_id === 'RPR-MNV')).toBe(
      true,
    )
    for (const value of personal) expect(JSON.stringify(added)).not.toContain(value)
  })
})
