import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../test/support/test-server.js'
import { testBackends } from '../../platform/db/test-database.js'
import { generateKeyPairSync } from 'node:crypto'
import { sampleRequest } from './idrepo.test-kit.js'
import { receivedPacket, residentApproval } from './journal/journal.test-kit.js'

interface Envelope<T> {
  response: T | null
  errors: { errorCode: string; message: string }[]
}

describe.each(testBackends)('ID repository HTTP API on %s', (backend) => {
  let server: TestServer
  let headers: Record<string, string>
  beforeAll(async () => {
    server = await startTestServer(backend)
    headers = { ...(await server.bearer()), 'content-type': 'application/json' }
  })
  afterAll(async () => server?.stop())

  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/idrepository/v1${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: (await response.json()) as Envelope<T> }
  }
  const envelope = (id: string, request: unknown) => ({
    id,
    version: 'v1',
    requesttime: new Date().toISOString(),
    request,
  })

  it('creates and reads an identity, and manages its VIDs and auth locks, in MOSIP envelopes', async () => {
    const sample = sampleRequest()
    const resident = generateKeyPairSync('ed25519')
    const consentKey = Buffer.from(
      resident.publicKey.export({ format: 'jwk' }).x ?? '',
      'base64url',
    )
    const create = envelope('mosip.id.create', {
      registrationId: sample.rid,
      identity: sample.identity,
      documents: sample.documents,
      biometrics: sample.biometrics,
      consentKey: consentKey.toString('base64'),
    })
    const unreceived = await call('POST', '/identity/', create)
    expect(unreceived.status).toBe(403)
    expect(unreceived.body.errors[0]?.errorCode).toBe('MOS-IDR-101')
    await receivedPacket(server.platform.db, sample.rid)
    const created = await call<{ status: string; identity: { UIN: string } }>(
      'POST',
      '/identity/',
      create,
    )
    expect(created.status).toBe(200)
    const uin = created.body.response!.identity.UIN
    expect(uin).toMatch(/^[2-9]\d{9}$/)

    const read = await call<{ identity: Record<string, unknown> }>('GET', `/identity/idvid/${uin}`)
    expect(read.body.response?.identity).toMatchObject({ UIN: uin, phone: sample.identity.phone })

    const vid = await call<{ vid: string; vidStatus: string }>(
      'POST',
      '/vid',
      envelope('mosip.vid.create', {
        UIN: uin,
        vidType: 'Perpetual',
        consent: residentApproval(resident.privateKey, 'vid-create', { vidType: 'Perpetual' }),
      }),
    )
    expect(vid.body.response).toMatchObject({ vidStatus: 'ACTIVE' })
    const byVid = await call<{ registrationId: string }>(
      'GET',
      `/identity/idvid/${vid.body.response!.vid}?idType=VID`,
    )
    expect(byVid.body.response?.registrationId).toBe(sample.rid)

    const revoked = await call<{ vidStatus: string; restoredVid: { vid: string } | null }>(
      'PATCH',
      `/vid/${vid.body.response!.vid}`,
      envelope('mosip.vid.update', {
        vidStatus: 'REVOKED',
        consent: residentApproval(resident.privateKey, 'vid-status', {
          vid: vid.body.response!.vid,
          status: 'REVOKED',
        }),
      }),
    )
    expect(revoked.body.response?.vidStatus).toBe('REVOKED')
    expect(revoked.body.response?.restoredVid?.vid).toMatch(/^\d{16}$/)

    const locked = await call<{ authType: string; authSubType: string | null; locked: boolean }[]>(
      'PATCH',
      '/identity/authtypes/status',
      {
        id: 'mosip.identity.authtype.status.update',
        version: 'v1',
        requesttime: new Date().toISOString(),
        individualId: uin,
        request: [{ authType: 'bio', authSubType: 'FIR', locked: true }],
        consent: residentApproval(resident.privateKey, 'auth-lock', [
          { authType: 'bio-FIR', locked: true },
        ]),
      },
    )
    expect(locked.body.response).toContainEqual(
      expect.objectContaining({ authType: 'bio', authSubType: 'FIR', locked: true }),
    )
    const status = await call<{ locked: boolean }[]>(
      'GET',
      `/identity/authtypes/status/individualIds/${uin}`,
    )
    expect(status.body.response?.filter((s) => s.locked)).toHaveLength(1)
  })

  it('answers MOSIP error codes', async () => {
    const missing = await call('GET', '/identity/idvid/2345678901?idType=UIN')
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0]?.errorCode).toBe('IDR-IDC-007')
    const policy = await call(
      'POST',
      '/vid',
      envelope('mosip.vid.create', {
        UIN: '2345678901',
        vidType: 'Temporary',
        consent: { kind: 'packet', rid: sampleRequest().rid },
      }),
    )
    expect(policy.body.errors[0]?.errorCode).toBe('IDR-IDC-007')
    const unconsented = await call(
      'POST',
      '/vid',
      envelope('mosip.vid.create', { UIN: '2345678901', vidType: 'Temporary' }),
    )
    expect(unconsented.status).toBe(400)
    const bad = await call('POST', '/vid', envelope('mosip.vid.create', { UIN: 'x', vidType: 'X' }))
    expect(bad.status).toBe(400)
  })
})
