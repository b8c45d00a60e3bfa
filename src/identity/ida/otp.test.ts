import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { samplePerson, sampleRequest } from '../idrepo/idrepo.test-kit.js'
import type { OtpRequest } from './auth-request.schema.js'
import { authRequest, bank, openIdaHarness, type IdaHarness } from './ida.test-kit.js'
import { packetConsent } from '../idrepo/journal/journal.test-kit.js'

function otpRequest(
  uin: string,
  transactionID: string,
  channels: OtpRequest['otpChannel'],
): OtpRequest {
  return {
    id: 'mosip.identity.otp',
    version: '1.0',
    requestTime: new Date().toISOString(),
    transactionID,
    individualId: uin,
    individualIdType: 'UIN',
    otpChannel: channels,
  }
}

describe.each(testBackends)('OTP authentication on %s', (backend) => {
  let h: IdaHarness
  let uin: string

  beforeAll(async () => {
    h = await openIdaHarness(backend)
    uin = (await h.idRepo.create(sampleRequest(), 'test')).uin
    await h.setPolicy(bank.id, { allowedAuthTypes: ['otp'] })
  })
  afterAll(async () => h?.close())

  const otpAuth = (transactionID: string, otp: string) =>
    h.ida.authenticate(bank, { ...authRequest(uin, { otp }), transactionID }, 'auth')

  it('sends a 6-digit OTP through notify, keeps only its hash, and verifies it once', async () => {
    const sent = await h.ida.requestOtp(bank, otpRequest(uin, 'OTP0000001', ['PHONE', 'EMAIL']))
    expect(sent.errors).toEqual([])
    expect(sent.maskedMobile).toBe('XXXXXXXXX333')
    expect(sent.maskedEmail).toBe('waXXXXXXXXXXX@example.org')
    expect(h.sent.map((m) => [m.channel, m.to, m.template])).toEqual([
      ['sms', samplePerson.phone, 'otp'],
      ['email', samplePerson.email, 'otp'],
    ])
    const otp = h.lastOtp()
    expect(otp).toMatch(/^\d{6}$/)
    const { rows } = await sql<{ otp_hash: string; ref_id: string }>`
      select otp_hash, ref_id from ida.otp_transaction`.execute(h.database.db)
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(otp)
    expect(JSON.stringify(rows)).not.toContain(uin)

    expect((await otpAuth('OTP0000002', otp)).errors[0]?.errorCode).toBe('IDA-OTA-004')
    const ok = await otpAuth('OTP0000001', otp)
    expect(ok.authStatus).toBe(true)
    expect((await otpAuth('OTP0000001', otp)).errors[0]?.errorCode).toBe('IDA-OTA-004')
  })

  it('freezes an OTP after 5 wrong entries (IDA-OTA-007) and expires it (IDA-OTA-003)', async () => {
    await h.ida.requestOtp(bank, otpRequest(uin, 'OTP0000003', ['EMAIL']))
    const otp = h.lastOtp()
    const wrong = otp === '000000' ? '000001' : '000000'
    const codes: (string | undefined)[] = []
    for (let i = 0; i < 5; i += 1)
      codes.push((await otpAuth('OTP0000003', wrong)).errors[0]?.errorCode)
    expect(codes).toEqual([
      'IDA-OTA-004',
      'IDA-OTA-004',
      'IDA-OTA-004',
      'IDA-OTA-004',
      'IDA-OTA-007',
    ])
    expect((await otpAuth('OTP0000003', otp)).errors[0]?.errorCode).toBe('IDA-OTA-007')

    await h.ida.requestOtp(bank, otpRequest(uin, 'OTP0000004', ['EMAIL']))
    await sql`update ida.otp_transaction set expiry_dtimes = now() - interval '1 second'
      where status_code = 'ACTIVE'`.execute(h.database.db)
    expect((await otpAuth('OTP0000004', h.lastOtp())).errors[0]?.errorCode).toBe('IDA-OTA-003')
  })

  it('refuses a locked channel, a policy without OTP and flooding (IDA-MLC-019, MPA-005, OTA-001)', async () => {
    const person = (await h.idRepo.create(sampleRequest(), 'test')).uin
    await h.locks.update(
      person,
      [{ authType: 'otp-phone', locked: true }],
      'resident',
      packetConsent(),
    )
    const locked = await h.ida.requestOtp(bank, otpRequest(person, 'OTP0000005', ['PHONE']))
    expect(locked.errors[0]?.errorCode).toBe('IDA-MLC-019')
    expect(locked.maskedMobile).toBeNull()
    await h.setPolicy('demo-only', { allowedAuthTypes: ['demo'] })
    const refused = await h.ida.requestOtp(
      { id: 'demo-only', name: 'Demo only' },
      otpRequest(uin, 'OTP0000006', ['EMAIL']),
    )
    expect(refused.errors[0]?.errorCode).toBe('IDA-MPA-005')
    // Three OTPs went to this individual within the minute: a fourth is flooding.
    const flooded = await h.ida.requestOtp(bank, otpRequest(uin, 'OTP0000007', ['EMAIL']))
    expect(flooded.errors[0]?.errorCode).toBe('IDA-OTA-001')
  })

  it('records OTP requests as OTP-REQUEST transactions audited IDA_002', async () => {
    const { rows } = await sql<{ status_code: string; status_comment: string }>`
      select status_code, status_comment from ida.auth_transaction
      where auth_type_code = 'OTP-REQUEST' order by request_dtimes`.execute(h.database.db)
    expect(rows.map((r) => r.status_code)).toEqual(['Y', 'Y', 'Y', 'N', 'N', 'N'])
    expect(rows[0]?.status_comment).toBe('OTP Request Success')
    const { rows: audits } = await sql<{ n: number }>`
      select count(*)::int as n from audit.app_audit_log where event_id = 'IDA_002'`.execute(
      h.database.db,
    )
    expect(audits[0]?.n).toBe(6)
  })
})
