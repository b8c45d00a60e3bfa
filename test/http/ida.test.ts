import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../src/platform/db/test-database.js'
import { createIdRepoServices } from '../../src/identity/idrepo/index.js'
import {
  samplePerson,
  sampleRequest,
  testIdentifiers,
} from '../../src/identity/idrepo/idrepo.test-kit.js'
import { templatePair } from '../../src/identity/ida/ida.test-kit.js'
import { createTemplateMatcher } from '../../src/identity/regprc/index.js'
import { call } from '../support/http-client.js'
import { startTestServer, type TestServer } from '../support/test-server.js'
import { testJournal } from '../../src/identity/idrepo/journal/journal.test-kit.js'

interface IdaReply {
  transactionID: string
  response: Record<string, unknown> | null
  errors: { errorCode: string; errorMessage: string }[]
}

describe.each(testBackends)('ID authentication over HTTP on %s', (backend) => {
  let server: TestServer
  let admin: { authorization: string }
  let partnerKey: { 'x-api-key': string }
  let uin: string
  const [enrolled, probe] = templatePair()
  const url = (path: string) => `${server.url}${path}`
  const body = (extra: Record<string, unknown>) => ({
    id: 'mosip.identity.auth',
    version: '1.0',
    requestTime: new Date().toISOString(),
    transactionID: 'HTTP000001',
    individualId: uin,
    individualIdType: 'UIN',
    consentObtained: true,
    request: {},
    ...extra,
  })
  const post = async (path: string, payload: unknown, headers = partnerKey) => {
    const response = await fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    })
    return { status: response.status, body: (await response.json()) as IdaReply }
  }

  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await server.bearer()
    const { platform } = server
    await platform.auth.partners.create(
      { id: 'bank-http', name: 'Bank', type: 'Auth_Partner' },
      't',
    )
    await platform.auth.partners.create(
      { id: 'other-bank', name: 'Other', type: 'Auth_Partner' },
      't',
    )
    partnerKey = {
      'x-api-key': (await platform.auth.partners.issueKey('bank-http', 'main')).apiKey,
    }
    const idrepo = createIdRepoServices(platform, testIdentifiers, testJournal())
    uin = (await idrepo.idRepo.create(sampleRequest(), 'test')).uin
    const gallery = createTemplateMatcher({
      db: platform.db,
      cipher: platform.cipher,
      threshold: 50,
    })
    await gallery.insert('abis-ref-0001', [
      {
        type: 'Finger',
        subType: 'Left Thumb',
        qualityScore: 90,
        template: enrolled,
        exception: false,
      },
    ])
  })
  afterAll(async () => server?.stop())

  it('lets an administrator set a partner policy, validated', async () => {
    const path = url('/api/v1/ida/partners/bank-http/policy')
    const bad = await call(path, {
      method: 'PUT',
      headers: admin,
      body: { allowedAuthTypes: ['telepathy'] },
    })
    expect(bad.status).toBe(400)
    const set = await call<{ policy: { allowedAuthTypes: string[] } }>(path, {
      method: 'PUT',
      headers: admin,
      body: {
        allowedAuthTypes: ['demo', 'otp', 'bio-Finger', 'ekyc'],
        allowedKycAttributes: ['fullName', 'email'],
        maskIndividualId: false,
      },
    })
    expect(set.status).toBe(200)
    expect((await call(path, { headers: admin })).body.response).toMatchObject({
      partnerId: 'bank-http',
      policy: { allowedKycAttributes: ['fullName', 'email'] },
    })
  })

  it('authenticates with the partner API key on MOSIP path shapes', async () => {
    const demographics = { dob: '1990/07/14', emailId: samplePerson.email }
    const short = await post(
      '/idauthentication/v1/auth/bank-http',
      body({ request: { demographics } }),
    )
    expect(short.status).toBe(200)
    expect(short.body.response).toMatchObject({ authStatus: true })
    expect(short.body.transactionID).toBe('HTTP000001')
    const mosip = await post(
      '/idauthentication/v1/auth/misp-lk/bank-http/key',
      body({
        request: {
          biometrics: [{ data: { bioType: 'Finger', bioSubType: 'Left Thumb', bioValue: probe } }],
        },
      }),
    )
    expect(mosip.body.response).toMatchObject({ authStatus: true })
    const wrong = await post(
      '/idauthentication/v1/auth/bank-http',
      body({ request: { demographics: { dob: '2000/01/01' } } }),
    )
    expect(wrong.body.response).toMatchObject({ authStatus: false, authToken: null })
    expect(wrong.body.errors[0]?.errorCode).toBe('IDA-DEA-001')
  })

  it("refuses another partner's path and requests without a key", async () => {
    const other = await post(
      '/idauthentication/v1/auth/other-bank',
      body({ request: { otp: '123456' } }),
    )
    expect(other.status).toBe(403)
    const anonymous = await post('/idauthentication/v1/auth/bank-http', body({}), {
      'x-api-key': '',
    })
    expect(anonymous.status).toBe(401)
  })

  it('sends an OTP through the notify outbox, then answers eKYC with policy attributes only', async () => {
    const otpRequest = {
      id: 'mosip.identity.otp',
      version: '1.0',
      requestTime: new Date().toISOString(),
      transactionID: 'HTTP000002',
      individualId: uin,
      individualIdType: 'UIN',
      otpChannel: ['PHONE'],
    }
    const sent = await post('/idauthentication/v1/otp/bank-http', otpRequest)
    expect(sent.body.response).toEqual({ maskedMobile: 'XXXXXXXXX333', maskedEmail: null })
    const { messages } = await server.platform.notify.outbox.list({ channel: 'sms' })
    const otp = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1]
    expect(otp).toBeDefined()
    const kyc = await post(
      '/idauthentication/v1/kyc/bank-http',
      body({ id: 'mosip.identity.kyc', transactionID: 'HTTP000002', request: { otp } }),
    )
    expect(kyc.body.errors).toEqual([])
    expect(kyc.body.response).toMatchObject({
      kycStatus: true,
      individualId: uin,
      identity: {
        fullName: [{ language: 'eng', value: samplePerson.fullName }],
        email: samplePerson.email,
      },
    })
    expect(Object.keys(kyc.body.response?.identity as object).sort()).toEqual(['email', 'fullName'])
  })
})
