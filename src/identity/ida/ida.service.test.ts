import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { samplePerson, sampleRequest } from '../idrepo/idrepo.test-kit.js'
import { vidPolicies } from '../idrepo/index.js'
import { authTransactionTopic } from './auth-transaction.js'
import { authRequest, bank, openIdaHarness, templatePair, type IdaHarness } from './ida.test-kit.js'
import { packetConsent } from '../idrepo/journal/journal.test-kit.js'

const demographics = {
  name: [{ language: 'eng', value: samplePerson.fullName }],
  dob: '1990/07/14',
  gender: [{ language: 'eng', value: 'female' }],
  phoneNumber: samplePerson.phone,
  emailId: samplePerson.email.toUpperCase(),
}

describe.each(testBackends)('ID authentication on %s', (backend) => {
  let h: IdaHarness
  let uin: string
  const [enrolled, probe] = templatePair()

  beforeAll(async () => {
    h = await openIdaHarness(backend)
    uin = (await h.idRepo.create(sampleRequest(), 'test')).uin
    h.gallery.set('abis-ref-0001', [
      { type: 'Finger', subType: 'Left IndexFinger', template: enrolled },
    ])
    await h.setPolicy(bank.id, {
      allowedAuthTypes: ['demo', 'otp', 'bio-Finger', 'ekyc'],
      allowedKycAttributes: ['fullName', 'dateOfBirth', 'gender'],
    })
  })
  afterAll(async () => h?.close())

  it('authenticates matching demographics and answers a partner token', async () => {
    const outcome = await h.ida.authenticate(bank, authRequest(uin, { demographics }), 'auth')
    expect(outcome.errors).toEqual([])
    expect(outcome.authStatus).toBe(true)
    expect(outcome.authToken).toMatch(/^[0-9a-f]{64}$/)
    const again = await h.ida.authenticate(bank, authRequest(uin, { demographics }), 'auth')
    expect(again.authToken).toBe(outcome.authToken)
  })

  it('refuses mismatched demographics with IDA-DEA-001, per attribute', async () => {
    const outcome = await h.ida.authenticate(
      bank,
      authRequest(uin, { demographics: { ...demographics, dob: '1991/07/14' } }),
      'auth',
    )
    expect(outcome.authStatus).toBe(false)
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        errorCode: 'IDA-DEA-001',
        errorMessage: 'Demographic data dob did not match',
      }),
    ])
  })

  it('matches a partial name with strategy P and refuses it with E', async () => {
    const name = [{ language: 'eng', value: 'Wanjiku Qamau' }]
    const exact = await h.ida.authenticate(
      bank,
      authRequest(uin, { demographics: { name } }),
      'auth',
    )
    expect(exact.errors[0]?.errorCode).toBe('IDA-DEA-001')
    const partial = await h.ida.authenticate(
      bank,
      authRequest(
        uin,
        { demographics: { name } },
        { matchInfo: [{ authType: 'demo', matchingStrategy: 'P', matchingThreshold: 60 }] },
      ),
      'auth',
    )
    expect(partial.authStatus).toBe(true)
  })

  it('verifies a fingerprint 1:1 against the enrolled template', async () => {
    const bio = (bioValue: string) => [
      { data: { bioType: 'Finger' as const, bioSubType: 'Left IndexFinger', bioValue } },
    ]
    const ok = await h.ida.authenticate(bank, authRequest(uin, { biometrics: bio(probe) }), 'auth')
    expect(ok.authStatus).toBe(true)
    const [other] = templatePair()
    const bad = await h.ida.authenticate(bank, authRequest(uin, { biometrics: bio(other) }), 'auth')
    expect(bad.errors[0]?.errorCode).toBe('IDA-BIA-001')
  })

  it('refuses an auth type the partner policy does not allow (IDA-MPA-006)', async () => {
    const face = [{ data: { bioType: 'Face' as const, bioSubType: null, bioValue: probe } }]
    const outcome = await h.ida.authenticate(bank, authRequest(uin, { biometrics: face }), 'auth')
    expect(outcome.errors[0]?.errorCode).toBe('IDA-MPA-006')
    const unmapped = await h.ida.authenticate(
      { id: 'no-policy', name: 'No policy' },
      authRequest(uin, { demographics }),
      'auth',
    )
    expect(unmapped.errors[0]?.errorCode).toBe('IDA-MPA-014')
  })

  it('returns only the attributes of the policy in eKYC, in the requested language', async () => {
    const outcome = await h.ida.authenticate(
      bank,
      authRequest(
        uin,
        { demographics },
        {
          id: 'mosip.identity.kyc',
          allowedKycAttributes: ['fullName', 'gender', 'phone', 'email'],
          secondaryLangCode: 'swa',
        },
      ),
      'kyc',
    )
    expect(outcome.authStatus).toBe(true)
    expect(outcome.kyc?.identity).toEqual({
      fullName: [{ language: 'swa', value: samplePerson.fullName }],
    })
    expect(outcome.kyc?.individualId).toBe(`XXXXXX${uin.slice(-4)}`)
  })

  it('refuses a locked auth type with IDA-MLC-019', async () => {
    const person = (await h.idRepo.create(sampleRequest(), 'test')).uin
    await h.locks.update(person, [{ authType: 'demo', locked: true }], 'resident', packetConsent())
    const outcome = await h.ida.authenticate(bank, authRequest(person, { demographics }), 'auth')
    expect(outcome.errors).toEqual([
      { errorCode: 'IDA-MLC-019', errorMessage: 'demo Auth Type is Locked for the UIN' },
    ])
  })

  it('resolves a VID, counts its transactions and refuses it once used up', async () => {
    const vid = (await h.vids.create(uin, 'OneTimeUse', 'resident', packetConsent())).vid
    const viaVid = () =>
      h.ida.authenticate(
        bank,
        authRequest(vid, { demographics }, { individualIdType: 'VID' }),
        'auth',
      )
    const allowed = vidPolicies.OneTimeUse.transactionsAllowed ?? 1
    for (let i = 0; i < allowed; i += 1) expect((await viaVid()).authStatus).toBe(true)
    expect((await viaVid()).errors[0]?.errorCode).toBe('IDA-MLC-023')

    const temporary = (await h.vids.create(uin, 'Temporary', 'resident', packetConsent())).vid
    await sql`update idmap.vid set expiry_dtimes = now() - interval '1 minute'`.execute(
      h.database.db,
    )
    const expired = await h.ida.authenticate(
      bank,
      authRequest(temporary, { demographics }, { individualIdType: 'VID' }),
      'auth',
    )
    expect(expired.errors[0]?.errorCode).toBe('IDA-MLC-023')
    const unknown = await h.ida.authenticate(
      bank,
      authRequest('9'.repeat(16), { demographics }, { individualIdType: 'VID' }),
      'auth',
    )
    expect(unknown.errors[0]?.errorCode).toBe('IDA-MLC-004')
  })

  it('refuses without consent (IDA-MLC-012) and a request out of its time window', async () => {
    const refused = await h.ida.authenticate(
      bank,
      authRequest(uin, { demographics }, { consentObtained: false }),
      'auth',
    )
    expect(refused.errors[0]?.errorCode).toBe('IDA-MLC-012')
    const late = await h.ida.authenticate(
      bank,
      authRequest(
        uin,
        { demographics },
        { requestTime: new Date(Date.now() - 600_000).toISOString() },
      ),
      'auth',
    )
    expect(late.errors[0]?.errorCode).toBe('IDA-MLC-001')
  })

  it('records every attempt with hashed ids, an audit entry and an event without personal data', async () => {
    const rows = await h.transactions()
    expect(rows.length).toBeGreaterThan(10)
    expect(new Set(rows.map((r) => r.status_code))).toEqual(new Set(['Y', 'N']))
    for (const row of rows) {
      expect(row.ref_id).toMatch(/^[0-9a-f]{64}$/)
      expect(row.requested_entity_type).toBe('PARTNER')
    }
    expect(rows[0]).toMatchObject({
      auth_type_code: 'DEMO-AUTH',
      status_comment: 'Demo Authentication Success;consent consentObtained',
      ref_id_type: 'UIN',
      requested_entity_id: bank.id,
      requested_entity_name: bank.name,
    })
    expect(rows.some((r) => r.auth_type_code === 'DEMO-AUTH,EKYC-AUTH')).toBe(true)
    const dump = JSON.stringify(rows)
    expect(dump).not.toContain(uin)
    expect(dump).not.toContain(samplePerson.phone)
    const { rows: audits } = await sql<{ event_id: string }>`
      select event_id from audit.app_audit_log where app_id = 'IDA'`.execute(h.database.db)
    expect(audits.length).toBe(rows.length)
    expect(new Set(audits.map((a) => a.event_id))).toEqual(new Set(['IDA_001', 'IDA_003']))
    const { rows: events } = await sql<{ event: { data: Record<string, unknown> } }>`
      select event from bus.event where topic = ${authTransactionTopic}`.execute(h.database.db)
    expect(events.length).toBe(rows.length)
    expect(Object.keys(events[0]!.event.data).sort()).toEqual([
      'authTypes',
      'partnerId',
      'requestTransactionId',
      'requestedAt',
      'status',
      'tokenId',
      'transactionId',
    ])
    expect(JSON.stringify(events)).not.toContain(uin)
  })
})
