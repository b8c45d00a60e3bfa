import { describe, expect, it } from 'vitest'
import { verhoeff } from './verhoeff.js'

describe('verhoeff', () => {
  it('computes the published check digits', () => {
    // 236 → 3 and 75872 → 2 are the worked examples of Verhoeff's scheme; 12345 → 1.
    expect(verhoeff.compute('236')).toBe('3')
    expect(verhoeff.compute('12345')).toBe('1')
    expect(verhoeff.compute('75872')).toBe('2')
  })

  it('accepts a number with its check digit and refuses single errors and adjacent swaps', () => {
    expect(verhoeff.check('2363')).toBe(true)
    expect(verhoeff.check('123451')).toBe(true)
    expect(verhoeff.check('758722')).toBe(true)
    for (const wrong of ['2364', '2633', '123415', '213451'])
      expect(verhoeff.check(wrong)).toBe(false)
  })

  it('catches every single-digit change of a UIN', () => {
    const uin = '6214254195'
    expect(verhoeff.check(uin)).toBe(true)
    for (let at = 0; at < uin.length; at++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = uin.slice(0, at) + digit + uin.slice(at + 1)
        if (changed !== uin) expect(verhoeff.check(changed), changed).toBe(false)
      }
    }
  })

  it('refuses what is not digits', () => {
    expect(verhoeff.check('23a3')).toBe(false)
    expect(verhoeff.check('')).toBe(false)
    expect(() => verhoeff.compute('12x')).toThrow(TypeError)
  })
})
