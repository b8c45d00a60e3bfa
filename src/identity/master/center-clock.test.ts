import { describe, expect, it } from 'vitest'
import { dayCodeOf, localTimeAt, parseCenterTimeZone } from './center-clock.js'
import { decideOpening } from './center-hours.js'

describe('center clock', () => {
  it('reads MOSIP offsets, IANA names, and nothing else', () => {
    expect(parseCenterTimeZone('(GTM+01:00) CENTRAL EUROPEAN TIME')).toEqual({
      kind: 'offset',
      minutes: 60,
    })
    expect(parseCenterTimeZone('GMT-05:30')).toEqual({ kind: 'offset', minutes: -330 })
    expect(parseCenterTimeZone('Africa/Casablanca')).toEqual({
      kind: 'iana',
      name: 'Africa/Casablanca',
    })
    expect(parseCenterTimeZone(null)).toEqual({ kind: 'offset', minutes: 0 })
    expect(parseCenterTimeZone('Mars/Olympus')).toBeNull()
    expect(parseCenterTimeZone('GMT+15:00')).toBeNull()
  })

  it('moves to the next local day across midnight UTC', () => {
    const local = localTimeAt(new Date('2026-03-06T23:30:00Z'), { kind: 'offset', minutes: 60 })
    expect(local).toEqual({ date: '2026-03-07', weekday: 6, seconds: 30 * 60 })
    expect(dayCodeOf(local.weekday)).toBe('107')
    const auckland = localTimeAt(new Date('2026-03-01T21:00:00Z'), {
      kind: 'iana',
      name: 'Pacific/Auckland',
    })
    // NZDT is UTC+13 in March: Sunday evening UTC is Monday morning there.
    expect(auckland).toEqual({ date: '2026-03-02', weekday: 1, seconds: 10 * 3600 })
    const westward = localTimeAt(new Date('2026-03-03T01:00:00Z'), {
      kind: 'iana',
      name: 'America/New_York',
    })
    expect(westward).toEqual({ date: '2026-03-02', weekday: 1, seconds: 20 * 3600 })
  })

  it('treats hours as [start, end) and lunch as [start, end)', () => {
    const hours = {
      center_start_time: '09:00:00',
      center_end_time: '17:00:00',
      lunch_start_time: '13:00:00',
      lunch_end_time: '14:00:00',
    }
    const at = (time: string) => {
      const [h, m, s] = time.split(':').map(Number)
      const local = { date: '2026-03-02', weekday: 1, seconds: h! * 3600 + m! * 60 + s! }
      return decideOpening(hours, local, { workingDay: true, holiday: false }).status
    }
    expect(at('08:59:59')).toBe('OUTSIDE_HOURS')
    expect(at('09:00:00')).toBe('OPEN')
    expect(at('12:59:59')).toBe('OPEN')
    expect(at('13:00:00')).toBe('LUNCH')
    expect(at('13:59:59')).toBe('LUNCH')
    expect(at('14:00:00')).toBe('OPEN')
    expect(at('16:59:59')).toBe('OPEN')
    expect(at('17:00:00')).toBe('OUTSIDE_HOURS')
  })
})
