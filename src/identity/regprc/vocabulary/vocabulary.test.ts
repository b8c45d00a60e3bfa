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
    const now = new Date('2026-03-02T12:00:00Z')
    const at = (statusCode: Parameters<typeof externalStatus>[0]['statusCode'], extra = {}) =>
      externalStatus(
        {
          statusCode,
          latestTransactionType: 'CMD_VALIDATION',
          latestTransactionAt: new Date('2026-03-02T11:59:00Z'),
          lastSuccessStageName: null,
          retryCount: 0,
          ...extra,
        },
        { retryThreshold: 3, elapseSeconds: 900, now },
      )
    const stuckAtReceiver = {
      latestTransactionType: 'PACKET_RECEIVER',
      latestTransactionAt: new Date('2026-03-02T11:00:00Z'),
    }
    expect(at('PROCESSED')).toBe('UIN_GENERATED')
    expect(at('PROCESSING')).toBe('PROCESSING')
    expect(at('PROCESSING', { lastSuccessStageName: 'SecurezoneNotificationStage' })).toBe(
      'PROCESSING',
    )
    expect(at('REPROCESS', { lastSuccessStageName: 'PacketValidatorStage' })).toBe('PROCESSED')
    expect(
      at('PAUSED_FOR_ADDITIONAL_INFO', { lastSuccessStageName: 'QualityClassifierStage' }),
    ).toBe('PROCESSED')
    expect(at('PROCESSING', stuckAtReceiver)).toBe('RESEND')
    expect(at('PROCESSING', { ...stuckAtReceiver, retryCount: 3 })).toBe('REREGISTER')
    expect(at('FAILED', { latestTransactionType: 'UPLOAD_PACKET' })).toBe('RESEND')
    expect(at('FAILED', { latestTransactionType: 'UPLOAD_PACKET', retryCount: 3 })).toBe(
      'REREGISTER',
    )
    // A packet that failed validation must be made again, as in MOSIP.
    expect(at('FAILED')).toBe('REREGISTER')
    expect(at('REJECTED')).toBe('REJECTED')
    expect(at('REPROCESS_FAILED')).toBe('REJECTED')
  })

  it('has MOSIP-shaped, unique sub-status codes and no QUALITY_CHECK transaction type', () => {
    const codes = Object.values(subStatuses).map((s) => s.code)
    for (const code of codes)
      expect(code).toMatch(
        /^RPR-[A-Z]{3}(-(SUCCESS|FAILED|SKIPPED|EXCEPTION))?-\d{3}$|^RPR-PKCSUCCESS-001$/,
      )
    expect(new Set(codes).size).toBe(codes.length)
    // MOSIP release-1.2.0.x StatusUtil/StatusConstants, including its quirks.
    expect(subStatuses.PACKET_CLASSIFICATION_SUCCESS.code).toBe('RPR-PKCSUCCESS-001')
    expect(subStatuses.RPR_MANUAL_VERIFICATION_SENT_TO_QUEUE.code).toBe('RPR-MVS-002')
    expect(subStatuses.MANUAL_VERIFIER_APPROVED_PACKET.code).toBe('RPR-MNV-SUCCESS-001')
    expect(subStatuses.MANUAL_VERIFIER_REJECTED_PACKET.code).toBe('RPR-MNV-FAILED-002')
    expect(subStatuses.VERIFICATION_SENT.code).toBe('RPR-VER-003')
    expect(subStatuses.WORKFLOW_INTERNAL_ACTION_SUCCESS.code).toBe('RPR-WIA-001')
    expect(subStatuses.WORKFLOW_INTERNAL_ACTION_REJECTED_ITERATIONS_EXCEEDED_LIMIT).toEqual({
      code: 'RPR-WIA-002',
      comment: 'Packet rejected as number of iterations exceeded permited limit.',
    })
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
