import { describe, expect, it } from 'vitest'
import type { Center } from './country-model.js'
import { apportion, kioskTimes } from './day-plan.js'
import { createPrng } from './prng.js'

const center = {
  startMinute: 480,
  endMinute: 960,
  lunchStartMinute: 780,
  lunchEndMinute: 840,
  perKioskMinutes: 15,
  utcOffsetMinutes: 60,
} as Center
const day = new Date('2025-06-02T00:00:00Z')
const localMinute = (at: Date) => (at.getTime() - day.getTime()) / 60_000 + 60

describe('day plan', () => {
  it('apportions an exact total by weight', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5])
    expect(apportion(7, [0, 0])).toEqual([0, 0])
    expect(apportion(1_000, [3, 5, 7, 11]).reduce((a, b) => a + b, 0)).toBe(1_000)
  })

  it('keeps packets inside opening hours, ordered, with a lunch dip', () => {
    const prng = createPrng('kiosk')
    const minutes: number[] = []
    for (let i = 0; i < 400; i++) {
      const times = kioskTimes(prng, center, day, 18, 1)
      expect(times.map((t) => t.getTime())).toEqual(
        [...times.map((t) => t.getTime())].sort((a, b) => a - b),
      )
      minutes.push(...times.map(localMinute))
    }
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(480)
    expect(Math.max(...minutes)).toBeLessThan(960)
    const inHour = (from: number) => minutes.filter((m) => m >= from && m < from + 60).length
    const otherHours = [480, 540, 600, 660, 720, 840, 900].map(inHour)
    const average = otherHours.reduce((a, b) => a + b, 0) / otherHours.length
    expect(inHour(780)).toBeLessThan(average * 0.6)
  })

  it('gives a slow officer far fewer packets a day', () => {
    const prng = createPrng('slow')
    expect(kioskTimes(prng, center, day, 40, 1).length).toBeGreaterThan(
      kioskTimes(prng, center, day, 40, 3.5).length * 2.5,
    )
  })

  it('draws the same stream from the same seed and another from another', () => {
    const a = createPrng('x')
    const b = createPrng('x')
    const c = createPrng('y')
    const draw = (p: ReturnType<typeof createPrng>) => Array.from({ length: 5 }, () => p.uuid())
    expect(draw(a)).toEqual(draw(b))
    expect(draw(c)).not.toEqual(draw(createPrng('x')))
  })
})
