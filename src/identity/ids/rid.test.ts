import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { checkRid, formatRid, parseRid, ridRuleIds, ridViolations } from './rid.js'

const now = new Date('2026-11-24T12:00:00Z')
const valid = '10001100020000120260301083000' // center 10001, machine 10002, #1, 2026-03-01 08:30:00
const expected = { centerId: '10001', machineId: '10002' }

/** For each RID rule, a RID that breaks that rule and no other. */
const breaksOnlyOne = [
  { rule: 'length', rid: '1000110002000012026030108300' },
  { rule: 'numeric', rid: '10001100020000120260301O83000' },
  { rule: 'center-id', rid: '10009100020000120260301083000' },
  { rule: 'machine-id', rid: '10001100080000120260301083000' },
  { rule: 'sequence', rid: '10001100020000020260301083000' },
  { rule: 'timestamp', rid: '10001100020000120260230083000' }, // 30 February
  { rule: 'timestamp', rid: '10001100020000120260301240000' }, // hour 24
  { rule: 'timestamp-future', rid: '10001100020000120261124121000' }, // 10 minutes ahead
] as const

describe('checkRid', () => {
  it('accepts a well-formed RID', () => {
    expect(checkRid(valid, now, expected)).toEqual({ valid: true })
    expect(checkRid('34532678970000120181122173040', now)).toEqual({ valid: true }) // MOSIP's README example
  })

  it.each(breaksOnlyOne)('reports $rule for $rid, which breaks only that rule', ({ rule, rid }) => {
    expect(ridViolations(rid, now, expected).map((v) => v.rule)).toEqual([rule])
    expect(checkRid(rid, now, expected)).toMatchObject({
      valid: false,
      rule,
      message: expect.stringMatching(/^RID/),
    })
  })

  it('has an example for every rule', () => {
    expect(new Set(breaksOnlyOne.map((example) => example.rule))).toEqual(new Set(ridRuleIds))
  })

  it('tolerates a small clock skew', () => {
    const inTwoMinutes = '10001100020000120261124120200'
    expect(checkRid(inTwoMinutes, now)).toEqual({ valid: true })
    expect(checkRid(inTwoMinutes, now, { clockSkewSeconds: 60 })).toMatchObject({
      rule: 'timestamp-future',
    })
  })
})

describe('formatRid and parseRid', () => {
  it('lay out center, machine, zero-padded sequence and UTC time, and read them back', () => {
    const parts = {
      centerId: '34532',
      machineId: '67897',
      sequence: 1,
      createdAt: new Date('2018-11-22T17:30:40Z'),
    }
    const rid = formatRid(parts)
    expect(rid).toBe('34532678970000120181122173040')
    expect(parseRid(rid, now)).toEqual(parts)
    expect(formatRid({ ...parts, sequence: 99_999 }).slice(10, 15)).toBe('99999')
  })

  it('uses UTC whatever the local time zone', () => {
    const rid = formatRid({
      centerId: '10001',
      machineId: '10002',
      sequence: 42,
      createdAt: new Date('2026-01-01T00:00:00+05:30'),
    })
    expect(rid.slice(15)).toBe('20251231183000')
  })

  it('refuses parts out of range with MOS-IDS-011, and invalid RIDs with MOS-IDS-010', () => {
    const base = { centerId: '10001', machineId: '10002', sequence: 1, createdAt: now }
    for (const bad of [
      { ...base, centerId: '1001' },
      { ...base, machineId: 'ABCDE' },
      { ...base, sequence: 0 },
      { ...base, sequence: 100_000 },
      { ...base, createdAt: new Date(Number.NaN) },
    ]) {
      expect(() => formatRid(bad)).toThrow(expect.objectContaining({ code: 'MOS-IDS-011' }))
    }
    expect(() => parseRid('10001100020000020260301083000', now)).toThrow(AppError)
    expect(() => parseRid('10001100020000020260301083000', now)).toThrow(/sequence/)
  })
})
