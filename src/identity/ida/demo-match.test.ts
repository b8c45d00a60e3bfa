import { describe, expect, it } from 'vitest'
import { hammingMatcher } from './biometric-matcher.js'
import { matchDemographics, normalise, textMatches } from './demo-match.js'
import { kycIdentity, maskId } from './kyc-identity.js'

describe('demographic matching', () => {
  it('normalises case, accents and punctuation before comparing', () => {
    expect(normalise('  Zoë  QAMAU-Wanjiku ')).toBe('zoe qamau wanjiku')
    expect(
      textMatches('zoe qamau-wanjiku', 'Zoë Qamau Wanjiku', { strategy: 'E', threshold: 100 }),
    ).toBe(true)
  })

  it('matches partially by the share of words in common over the longer name', () => {
    const p = (threshold: number) => ({ strategy: 'P' as const, threshold })
    expect(textMatches('Wanjiku Qamau', 'Wanjiku Zebedayo Qamau', p(60))).toBe(true)
    expect(textMatches('Wanjiku Qamau', 'Wanjiku Zebedayo Qamau', p(70))).toBe(false)
    expect(textMatches('Wanjiku Wanjiku', 'Wanjiku Zebedayo Qamau', p(60))).toBe(false)
  })

  it('reports each mismatch and each value missing in the language asked', () => {
    const failures = matchDemographics(
      {
        name: [{ language: 'fra', value: 'X' }],
        dob: '1990-07-14',
        phoneNumber: '+254 711 000 000',
      },
      {
        fullName: [{ language: 'eng', value: 'X' }],
        dateOfBirth: '1990/07/14',
        phone: '+254711222333',
      },
    )
    expect(failures.map((f) => [f.code, f.message])).toEqual([
      ['IDA-DEA-003', 'Demographic data name in fra not available in database'],
      ['IDA-DEA-001', 'Demographic data phoneNumber did not match'],
    ])
  })
})

describe('the built-in matcher and KYC presentation', () => {
  it('scores equal-length templates by equal bits', () => {
    const matcher = hammingMatcher()
    const a = Buffer.from([0b1111_0000, 0xff]).toString('base64')
    const b = Buffer.from([0b1111_1111, 0xff]).toString('base64')
    expect(matcher.score(a, a)).toBe(100)
    expect(matcher.score(a, b)).toBe(75)
    expect(matcher.score(a, Buffer.from([1]).toString('base64'))).toBe(0)
  })

  it('masks ids and keeps only the listed attributes in one language', () => {
    expect(maskId('2345678901')).toBe('XXXXXX8901')
    const identity = {
      fullName: [
        { language: 'eng', value: 'A' },
        { language: 'swa', value: 'B' },
      ],
      gender: [{ language: 'eng', value: 'Female' }],
      email: 'a@example.org',
      phone: '+1',
    }
    expect(kycIdentity(identity, ['fullName', 'gender', 'email'], 'swa')).toEqual({
      fullName: [{ language: 'swa', value: 'B' }],
      email: 'a@example.org',
    })
  })
})
