import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { cyclicNumbers } from './digit-filters.js'
import { digitRuleIds } from './digit-rules.js'
import { uinRules } from './id-rules.js'
import { checkUin, generateUinCandidate, uinViolations } from './uin.js'
import { verhoeff } from './verhoeff.js'

/**
 * For each rule, a UIN that breaks that rule and no other (every one Verhoeff-valid unless the
 * rule is the checksum). Three rules cannot be broken alone under MOSIP's defaults, because a
 * stricter rule always fires with them: first 5 = last 5 always repeats a 2-digit block,
 * first 5 = last 5 reversed always puts the middle digit twice in a row, and 142857 always holds
 * the even run 428. Those use a MOSIP setting that lifts the shadowing rule.
 */
const breaksOnlyOne = [
  { rule: 'length', uin: '46527820675' },
  { rule: 'length', uin: '521481953' },
  { rule: 'numeric', uin: '621425419O' },
  { rule: 'not-start-with', uin: '1761329578' },
  { rule: 'sequence', uin: '9406136546' }, // 654
  { rule: 'sequence', uin: '6901578591' }, // 901: UIN sequences wrap from 9 to 0
  { rule: 'repeating-digit', uin: '5299235054' }, // 99
  { rule: 'repeating-block', uin: '5021750287' }, // 50 … 50
  { rule: 'even-digits', uin: '4680761486' }, // 468
  { rule: 'first-last', uin: '6743067430', rules: { repeatingBlockLimit: 6 } },
  { rule: 'first-last-reverse', uin: '4370910734', rules: { reverseDigitsLimit: 4 } },
  { rule: 'restricted', uin: '4578671247' }, // 786
  { rule: 'cyclic', uin: '5914285730', rules: { conjugativeEvenDigitsLimit: 4 } },
  { rule: 'checksum', uin: '4609415720' },
] as const

describe('checkUin', () => {
  it.each(breaksOnlyOne)('reports $rule for $uin, which breaks only that rule', (example) => {
    const rules = 'rules' in example ? example.rules : undefined
    expect(uinViolations(example.uin, rules).map((v) => v.rule)).toEqual([example.rule])
    const check = checkUin(example.uin, rules)
    expect(check).toMatchObject({ valid: false, rule: example.rule })
    expect(check.valid ? '' : check.message).toMatch(/^UIN/)
    if (example.rule !== 'checksum' && example.rule !== 'numeric') {
      expect(verhoeff.check(example.uin)).toBe(true)
    }
  })

  it('has an example for every rule', () => {
    expect(new Set(breaksOnlyOne.map((example) => example.rule))).toEqual(new Set(digitRuleIds))
  })

  it('accepts a minimally changed number: the check digit fixed, or the shadowing rule back on', () => {
    expect(checkUin('4609415725')).toEqual({ valid: true })
    expect(checkUin('4609415720').valid).toBe(false)
    // Under MOSIP's defaults the three shadowed rules still refuse these numbers, by another rule.
    expect(checkUin('6743067430')).toMatchObject({ rule: 'repeating-block' })
    expect(checkUin('5914285730')).toMatchObject({ rule: 'even-digits' })
    expect(uinViolations('4345665434').map((v) => v.rule)).toContain('first-last-reverse')
  })

  it('reports the first broken rule in check order', () => {
    // 1 at the start, 123 in sequence, and 11 repeated: not-start-with comes first.
    expect(checkUin('1123456789')).toMatchObject({ rule: 'not-start-with' })
    expect(uinViolations('1123456789').map((v) => v.rule)).toEqual([
      'not-start-with',
      'sequence',
      'repeating-digit',
      'checksum',
    ])
  })

  it('accepts MOSIP length settings and checks against them', () => {
    const twelve = uinRules({ length: 12 })
    const uin = generateUinCandidate(twelve)
    expect(uin).toHaveLength(12)
    expect(checkUin(uin, twelve)).toEqual({ valid: true })
    expect(checkUin(uin)).toMatchObject({ rule: 'length' })
  })

  it('refuses invalid rules with MOS-IDS-001', () => {
    expect(() => checkUin('6214254195', { length: 4 })).toThrow(AppError)
    expect(() => checkUin('6214254195', { sequenceLimit: -1 })).toThrow(
      /MOS-IDS-001|Invalid UIN rules/,
    )
    expect(() => uinRules({ restrictedNumbers: ['7a6'] })).toThrow(AppError)
  })

  it('lists the cyclic numbers of MOSIP’s filter', () => {
    expect(cyclicNumbers.slice(0, 5)).toEqual([
      '142857',
      '0588235294117647',
      '052631578947368421',
      '0434782608695652173913',
      '0344827586206896551724137931',
    ])
    expect(cyclicNumbers.map((number) => number.length)).toEqual([
      6, 16, 18, 22, 28, 46, 58, 60, 96,
    ])
  })
})

describe('generateUinCandidate', () => {
  it('only returns UINs that pass every rule, with all digits in use', () => {
    const seen = new Set<string>()
    const digits = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const uin = generateUinCandidate()
      expect(checkUin(uin), uin).toEqual({ valid: true })
      seen.add(uin)
      for (const digit of uin) digits.add(digit)
    }
    expect(seen.size).toBeGreaterThan(1990)
    expect(digits.size).toBe(10)
  })
})
