import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { samplePerson, sampleRequest } from '../idrepo/idrepo.test-kit.js'
import type { ConsentGate, ConsentRequest } from './consent-gate.js'
import { authRequest, bank, openIdaHarness, type IdaHarness } from './ida.test-kit.js'

describe.each(testBackends)('the consent gate on %s', (backend) => {
  let h: IdaHarness
  let uin: string
  const asked: ConsentRequest[] = []
  const refusing: ConsentGate = {
    async check(request) {
      asked.push(request)
      return { allowed: false, reason: 'no consent artefact for this purpose' }
    },
  }
  const demographics = { name: [{ language: 'eng', value: samplePerson.fullName }] }

  beforeAll(async () => {
    h = await openIdaHarness(backend, { consent: refusing })
    uin = (await h.idRepo.create(sampleRequest(), 'test')).uin
    await h.setPolicy(bank.id, {
      allowedAuthTypes: ['demo', 'ekyc'],
      allowedKycAttributes: ['fullName', 'email'],
    })
  })
  afterAll(async () => h?.close())

  it('blocks authentication and KYC with IDA-MLC-012 and an N transaction', async () => {
    const auth = await h.ida.authenticate(bank, authRequest(uin, { demographics }), 'auth')
    const kyc = await h.ida.authenticate(
      bank,
      authRequest(uin, { demographics }, { id: 'mosip.identity.kyc' }),
      'kyc',
    )
    for (const outcome of [auth, kyc]) {
      expect(outcome.authStatus).toBe(false)
      expect(outcome.authToken).toBeNull()
      expect(outcome.kyc).toBeUndefined()
      expect(outcome.errors).toEqual([
        {
          errorCode: 'IDA-MLC-012',
          errorMessage: "Individual's Consent is not available",
          actionMessage:
            "Obtain the individual's consent and try again (no consent artefact for this purpose)",
        },
      ])
    }
    expect(asked.map((r) => [r.purpose, r.attributes, r.partnerId])).toEqual([
      ['verification', [], bank.id],
      ['kyc', ['fullName', 'email'], bank.id],
    ])
    expect(asked[0]?.tokenId).toMatch(/^[0-9a-f]{64}$/)
    const rows = await h.transactions()
    expect(rows.map((r) => [r.auth_type_code, r.status_code])).toEqual([
      ['DEMO-AUTH', 'N'],
      ['DEMO-AUTH,EKYC-AUTH', 'N'],
    ])
  })
})
