import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../../test/support/test-server.js'
import type { Role } from '../../../platform/auth/index.js'
import { testBackends } from '../../../platform/db/test-database.js'
import { equipSamplePlace, type SamplePlace } from '../test-support/sample-place.js'
import { makePacket } from '../test-support/packet-factory.js'
import { syncItemFor, syncRequest } from '../test-support/sync-request.js'

const identity = {
  IDSchemaVersion: 0.1,
  fullName: [{ language: 'eng', value: 'Wanjiru Otieno' }],
  dateOfBirth: '1985/11/02',
  gender: [{ language: 'eng', value: 'Female' }],
  addressLine1: [{ language: 'eng', value: '3 Mango Street' }],
  phone: '+254711000042',
}

// The whole identity module: the matched identity comes from the real ID repository, decrypted
// through the part's wiring. 2026-03-02 10:00Z is 11:00 at the sample center, a Monday.
describe.each(testBackends)('adjudication comparison in a running server on %s', (backend) => {
  let server: TestServer
  let place: SamplePlace
  const staffToken = (username: string, role: Role) => server.staffBearer(username, [role])

  beforeAll(async () => {
    server = await startTestServer(backend)
    place = await equipSamplePlace(server.platform.db, server.platform.cipher)
  })
  afterAll(async () => server?.stop())

  async function call(
    headers: { authorization: string },
    method: string,
    path: string,
    body?: unknown,
  ) {
    const { authorization } = headers
    const response = await fetch(`${server.url}${path}`, {
      method,
      ...(body === undefined
        ? { headers: { authorization } }
        : {
            headers: { authorization, 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
    })
    return { status: response.status, body: (await response.json()) as { response: unknown } }
  }

  async function upload(officer: { authorization: string }, packet: Record<string, unknown>) {
    const raw = JSON.stringify(packet)
    const rid = packet.registrationId as string
    await call(
      officer,
      'POST',
      '/registrationprocessor/v1/registrationstatus/sync',
      syncRequest([syncItemFor(raw, rid)]),
    )
    await call(officer, 'POST', '/registrationprocessor/v1/packetreceiver/registrationpackets', raw)
  }

  async function until(check: () => Promise<boolean>) {
    for (let i = 0; i < 150; i++) {
      if (await check()) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error('the workflow did not get there')
  }

  it('shows the assigned adjudicator the matched identity decrypted from the ID repository', async () => {
    const officer = await staffToken('officer1', 'REGISTRATION_OFFICER')
    const analyst = await staffToken('analyst1', 'FRAUD_ANALYST')
    const creationDate = '2026-03-02T10:00:00.000Z'
    const matched = makePacket({ ...place, creationDate, identity })
    await upload(officer, matched.packet)
    await until(async () => {
      const { rows } = await sql`select 1 from idrepo.uin where reg_id = ${matched.rid}`.execute(
        server.platform.db,
      )
      return rows.length === 1
    })
    const applicant = makePacket({
      ...place,
      creationDate,
      identity: { ...identity, phone: '+254711000077' },
    })
    await upload(officer, applicant.packet)
    const queue = '/api/v1/regprc/manual-adjudication?status=PENDING'
    await until(
      async () =>
        ((await call(analyst, 'GET', queue)).body.response as unknown[] | null)?.length === 1,
    )
    const taken = await call(analyst, 'POST', '/api/v1/regprc/manual-adjudication/assign')
    const id = (taken.body.response as { workflowInstanceId: string }).workflowInstanceId

    const compared = await call(
      analyst,
      'GET',
      `/api/v1/regprc/manual-adjudication/${id}/comparison`,
    )
    expect(compared.status).toBe(200)
    expect(compared.body.response).toMatchObject({
      registrationId: applicant.rid,
      applicant: { demographics: { fullName: identity.fullName, phone: '******77' } },
      matches: [
        {
          matchedRefId: matched.rid,
          matchedRefTypes: ['DEMO'],
          sources: { demographics: 'ID_REPOSITORY', documents: 'PACKET', biometrics: 'PACKET' },
          uinStatus: 'ACTIVATED',
          demographics: {
            fullName: identity.fullName,
            dateOfBirth: identity.dateOfBirth,
            address: { addressLine1: identity.addressLine1 },
            phone: '******42',
          },
          sameAsApplicant: { phone: false, email: null },
        },
      ],
    })
    const { rows } = await sql<{ event_id: string; session_user_id: string; log_desc: string }>`
      select event_id, session_user_id, log_desc from audit.app_audit_log
      where event_id in ('RPR_401', 'IDR-004') and session_user_id = 'analyst1'`.execute(
      server.platform.db,
    )
    // One view, and the ID repository's own record of the read it made for it.
    expect(rows.map((row) => row.event_id).sort()).toEqual(['IDR-004', 'RPR_401'])
    expect(JSON.stringify(rows)).not.toMatch(/Wanjiru|Otieno|1985|Mango|254711/)
  })
})
