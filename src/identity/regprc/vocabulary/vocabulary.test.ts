import { describe, expect, it } from 'vitest'
import { routes, nextAfter } from '../engine/route-table.js'
import type { PacketTags } from '../engine/packet-tags.js'
import { ageGroup } from '../engine/packet-tags.js'
import { templateSimilarity } from '../abis/template-similarity.js'
import { externalStatus } from './external-status.js'
import { seededTransactionTypes, transactionTypeCodes } from './transaction-type.js'
import { subStatuses } from './sub-status.js'

const adult: PacketTags = {
  ageGroup: 'ADULT',
  introducerAvailable: false,
  hasOfficer: true,
  hasSupervisor: true,
  allBiometricExceptions: false,
  hasBiometrics: true,
}
const input = (tags: Partial<PacketTags> = {}, hint?: 'manual-adjudication') => ({
  tags: () => ({ ...adult, ...tags }),
  hint,
})
const ok = { isValid: true, internalError: false }

describe('registration processor vocabulary', () => {
  it('maps overall statuses to MOSIP external statuses', () => {
    const at = (statusCode: Parameters<typeof externalStatus>[0]['statusCode'], extra = {}) =>
      externalStatus(
        {
          statusCode,
          stageName: 'CMDValidatorStage',
          lastSuccessStageName: null,
          retryCount: 0,
          ...extra,
        },
        3,
      )
    expect(at('PROCESSED')).toBe('UIN_GENERATED')
    expect(at('PROCESSING')).toBe('PROCESSING')
    expect(at('REPROCESS', { lastSuccessStageName: 'PacketValidatorStage' })).toBe('PROCESSED')
    expect(at('PROCESSING', { stageName: 'PacketReceiverStage', retryCount: 3 })).toBe('REREGISTER')
    expect(at('FAILED')).toBe('RESEND')
    expect(at('FAILED', { retryCount: 3 })).toBe('REREGISTER')
    expect(at('REJECTED')).toBe('REJECTED')
    expect(at('REPROCESS_FAILED')).toBe('REJECTED')
  })

  it('has MOSIP-shaped, unique sub-status codes and no QUALITY_CHECK transaction type', () => {
    const codes = Object.values(subStatuses).map((s) => s.code)
    for (const code of codes)
      expect(code).toMatch(/^RPR-[A-Z]{3}-((SUCCESS|FAILED|SKIPPED|EXCEPTION)-)?\d{3}$/)
    expect(new Set(codes).size).toBe(codes.length)
    expect(transactionTypeCodes).not.toContain('QUALITY_CHECK')
    expect(seededTransactionTypes).toContain('OSI_VALIDATE')
  })

  it('routes as the camel routes do', () => {
    expect(nextAfter('NEW', 'c-m-d-validator', ok, input())).toBe('operator-validator')
    expect(
      nextAfter('NEW', 'c-m-d-validator', ok, input({ hasOfficer: false, hasSupervisor: false })),
    ).toBe('complete-as-failed')
    expect(
      nextAfter(
        'NEW',
        'operator-validator',
        ok,
        input({ hasSupervisor: false, ageGroup: 'MINOR' }),
      ),
    ).toBe('introducer-validator')
    expect(
      nextAfter(
        'LOST',
        'operator-validator',
        ok,
        input({ hasSupervisor: false, ageGroup: 'MINOR' }),
      ),
    ).toBe('quality-classifier')
    expect(nextAfter('NEW', 'demo-dedupe', ok, input({ ageGroup: 'INFANT' }))).toBe('verification')
    expect(nextAfter('NEW', 'demo-dedupe', ok, input({}, 'manual-adjudication'))).toBe(
      'manual-adjudication',
    )
    expect(nextAfter('UPDATE', 'quality-classifier', ok, input())).toBe('biometric-authentication')
    expect(nextAfter('LOST', 'quality-classifier', ok, input())).toBe('bio-dedupe')
    expect(nextAfter('RES_REPRINT', 'packet-uploader', ok, input())).toBe('credential-requestor')
    expect(nextAfter('ACTIVATED', 'finalization', ok, input())).toBe('complete-as-processed')
    expect(nextAfter('NEW', 'demo-dedupe', { isValid: false, internalError: false }, input())).toBe(
      'complete-as-rejected',
    )
    expect(
      nextAfter('NEW', 'c-m-d-validator', { isValid: false, internalError: false }, input()),
    ).toBe('complete-as-failed')
    expect(nextAfter('NEW', 'uin-generator', { isValid: true, internalError: true }, input())).toBe(
      'mark-as-reprocess',
    )
    expect(
      nextAfter('NEW', 'uin-generator', { isValid: false, internalError: true }, input()),
    ).toBe('complete-as-failed')
    for (const route of Object.values(routes)) expect(route.first).toBe('packet-receiver')
  })

  it('puts ages in MOSIP’s default groups and scores templates bitwise', () => {
    const at = new Date('2026-03-02T00:00:00Z')
    expect(ageGroup('2021/03/02', at)).toBe('INFANT')
    expect(ageGroup('2019/03/03', at)).toBe('MINOR')
    expect(ageGroup('2008/03/02', at)).toBe('ADULT')
    expect(templateSimilarity('AAAA', 'AAAA')).toBe(100)
    expect(templateSimilarity('AAAA', '////')).toBe(0)
    expect(templateSimilarity('AAAA', 'AAAAAAAA')).toBe(0)
  })
})
