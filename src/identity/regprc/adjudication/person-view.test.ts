import { describe, expect, it } from 'vitest'
import { AppError } from '../../../platform/errors.js'
import { demographicsOf, maskEmail, maskPhone, readPacket, sameContact } from './person-view.js'

describe('the adjudicators’ view of a person', () => {
  it('masks phones to their last 2 digits and emails to 3 characters before a hidden domain', () => {
    expect(maskPhone('+254 700-000-001')).toBe('******01')
    expect(maskPhone('12345')).toBe('******')
    expect(maskPhone('')).toBe('******')
    expect(maskEmail('amina.njoroge@example.com')).toBe('******oge@***')
    expect(maskEmail('ab@example.com')).toBe('******@***')
    expect(maskEmail('no-at-sign-here')).toBe('******ere@***')
  })

  it('compares contacts after normalising, and says nothing when a side has none', () => {
    expect(sameContact('phone', '+254 700 000 001', '+254700000001')).toBe(true)
    expect(sameContact('phone', '+254700000001', '+254700000002')).toBe(false)
    expect(sameContact('email', ' Amina@Example.com', 'amina@example.com')).toBe(true)
    expect(sameContact('email', null, 'amina@example.com')).toBeNull()
  })

  it('keeps the comparable attributes only, language values as they are', () => {
    const view = demographicsOf({
      IDSchemaVersion: 0.1,
      fullName: [
        { language: 'eng', value: 'Amina Njoroge' },
        { language: 'swa', value: 'Amina Njoroge' },
      ],
      dateOfBirth: '1990/05/17',
      gender: [{ language: 'eng', value: 'Female' }],
      addressLine1: [{ language: 'eng', value: '12 Baobab Road' }],
      region: 'R3',
      postalCode: 10101,
      phone: '+254700000001',
      email: 'amina.njoroge@example.com',
      UIN: '2000000001',
      introducerUIN: '2000000002',
      residenceStatus: 'NFR',
      proofOfIdentity: { format: 'pdf', type: 'DOC001', value: 'poi' },
    })
    expect(view).toEqual({
      fullName: [
        { language: 'eng', value: 'Amina Njoroge' },
        { language: 'swa', value: 'Amina Njoroge' },
      ],
      dateOfBirth: '1990/05/17',
      gender: [{ language: 'eng', value: 'Female' }],
      address: {
        addressLine1: [{ language: 'eng', value: '12 Baobab Road' }],
        region: [{ language: null, value: 'R3' }],
        postalCode: [{ language: null, value: '10101' }],
      },
      phone: '******01',
      email: '******oge@***',
    })
    expect(demographicsOf({})).toEqual({
      fullName: null,
      dateOfBirth: null,
      gender: null,
      address: {},
      phone: null,
      email: null,
    })
  })

  it('reads a packet down to its summary, without templates or document references', () => {
    const summary = readPacket(
      JSON.stringify({
        registrationId: '10001100020000120260302100000',
        identity: { fullName: [{ language: 'eng', value: 'Amina Njoroge' }] },
        biometrics: [
          { type: 'Iris', subType: 'Left', qualityScore: 80, template: 'AAAA' },
          { type: 'Finger', subType: 'Left Thumb', qualityScore: 0, exception: true },
        ],
        documents: [{ category: 'POI', type: 'DOC001', format: 'pdf', refId: 'r1', hash: 'ab' }],
      }),
    )
    expect(summary.biometrics).toEqual([
      { type: 'Iris', subType: 'Left', qualityScore: 80, exception: false },
      { type: 'Finger', subType: 'Left Thumb', qualityScore: 0, exception: true },
    ])
    expect(summary.documents).toEqual([{ category: 'POI', type: 'DOC001', format: 'pdf' }])
    expect(JSON.stringify(summary)).not.toMatch(/AAAA|r1|"hash"/)
  })

  it('fails on an unreadable packet without quoting it', () => {
    for (const raw of ['{"identity": "Amina Njoroge', '{"identity": "Amina Njoroge"}']) {
      let thrown: unknown
      try {
        readPacket(raw)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(AppError)
      expect((thrown as AppError).code).toBe('MOS-RPR-005')
      expect((thrown as AppError).cause).toBeUndefined()
      expect(
        JSON.stringify({ ...(thrown as AppError), m: (thrown as AppError).message }),
      ).not.toContain('Amina')
    }
  })
})
