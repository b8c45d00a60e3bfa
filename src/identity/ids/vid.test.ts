import { describe, expect, it } from 'vitest'
import { digitRuleIds } from './digit-rules.js'
import { checkVid, generateVid, vidViolations } from './vid.js'
import { verhoeff } from './verhoeff.js'

/** For each VID rule, a 16-digit VID that breaks that rule and no other. */
const breaksOnlyOne = [
  { rule: 'length', vid: '70983913572580710' },
  { rule: 'numeric', vid: '34154231267921S9' },
  { rule: 'not-start-with', vid: '0890721465195326' },
  { rule: 'sequence', vid: '3123085143810618' }, // 123
  { rule: 'repeating-digit', vid: '5356141099549036' }, // 535
  { rule: 'repeating-block', vid: '3415423126792159' }, // 15 … 15
  { rule: 'restricted', vid: '4092786913029736' }, // 786
  { rule: 'checksum', vid: '3416093648920526' },
] as const

/** Rules of MOSIP's UIN filter that its VID filter does not have. */
const uinOnly = ['even-digits', 'first-last', 'first-last-reverse', 'cyclic']

describe('checkVid', () => {
  it.each(breaksOnlyOne)('reports $rule for $vid, which breaks only that rule', ({ rule, vid }) => {
    expect(vidViolations(vid).map((v) => v.rule)).toEqual([rule])
    expect(checkVid(vid)).toMatchObject({
      valid: false,
      rule,
      message: expect.stringMatching(/^VID/),
    })
    if (rule !== 'checksum' && rule !== 'numeric') expect(verhoeff.check(vid)).toBe(true)
  })

  it('has an example for every VID rule', () => {
    const vidRules = digitRuleIds.filter((rule) => !uinOnly.includes(rule))
    expect(new Set(breaksOnlyOne.map((example) => example.rule))).toEqual(new Set(vidRules))
  })

  it('accepts what only the UIN filter refuses: wrapped sequences and even runs', () => {
    expect(checkVid('7901706396591368')).toEqual({ valid: true }) // 901
    expect(checkVid('8715246706912731')).toEqual({ valid: true }) // 246
  })

  it('accepts the checksum example once its check digit is right', () => {
    const body = '341609364892052'
    expect(checkVid(body + verhoeff.compute(body))).toEqual({ valid: true })
  })
})

describe('generateVid', () => {
  it('only returns 16-digit VIDs that pass every rule', () => {
    for (let i = 0; i < 1000; i++) {
      const vid = generateVid()
      expect(vid).toHaveLength(16)
      expect(checkVid(vid), vid).toEqual({ valid: true })
    }
  })
})
