import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../test/support/test-server.js'
import type { Role } from '../../platform/auth/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { equipSamplePlace, type SamplePlace } from './test-support/sample-place.js'
import { makePacket } from './test-support/packet-factory.js'
import { syncItemFor, syncRequest } from './test-support/sync-request.js'

const base = '/registrationprocessor/v1'
const requesttime = '2026-03-02T10:05:00.000Z'

// The whole identity module in one server: real master data, ID repository, UIN pool and job
// runner. 2026-03-02 10:00Z is 11:00 at the sample center (UTC+01:00), a Monday.
describe.each(testBackends)('registration processor in a running server on %s', (backend) => {
  let server: TestServer
  let officer: Record<string, string>
  let place: SamplePlace
  const staffToken = async (username: string, role: Role) => ({
    ...(await server.staffBearer(username, [role])),
    'content-type': 'application/json',
  })

  beforeAll(async () => {
    server = await startTestServer(backend)
    place = await equipSamplePlace(server.platform.db, server.platform.cipher)
    officer = await staffToken('officer1', 'REGISTRATION_OFFICER')
  })
  afterAll(async () => server?.stop())

  const post = async (path: string, body: string) => {
    const response = await fetch(`${server.url}${base}${path}`, {
      method: 'POST',
      headers: officer,
      body,
    })
    return (await response.json()) as { response: unknown; errors: { errorCode: string }[] }
  }

  it('takes a synced packet from upload to an issued UIN', async () => {
    const { rid, packet } = makePacket({ ...place, creationDate: '2026-03-02T10:00:00.000Z' })
    const raw = JSON.stringify(packet)
    const synced = await post(
      '/registrationstatus/sync',
      JSON.stringify(syncRequest([syncItemFor(raw, rid)])),
    )
    expect(synced.response).toMatchObject([{ registrationId: rid, status: 'SUCCESS' }])
    expect((await post('/packetreceiver/registrationpackets', raw)).errors).toEqual([])
    const search = JSON.stringify({
      id: 'mosip.registration.status',
      version: '1.0',
      requesttime,
      request: [{ registrationId: rid }],
    })
    let status = ''
    for (let i = 0; i < 150 && status !== 'UIN_GENERATED'; i++) {
      const found = (await post('/registrationstatus/search', search)).response as {
        statusCode: string
      }[]
      status = found[0]?.statusCode ?? ''
      if (status !== 'UIN_GENERATED') await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(status).toBe('UIN_GENERATED')
    const { rows } = await sql<{ status_code: string }>`
      select status_code from idrepo.uin where reg_id = ${rid}`.execute(server.platform.db)
    expect(rows).toEqual([{ status_code: 'ACTIVATED' }])
  })
})
