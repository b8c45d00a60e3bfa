import { describe, expect, it } from 'vitest'
import { resolveParams, windowDays } from './report-window.js'

describe('report windows', () => {
  const at = new Date('2026-03-01T00:30:00Z')

  it('maps each window to UTC days before the run', () => {
    expect(windowDays('today', at)).toEqual({ from: '2026-03-01', to: '2026-03-01' })
    expect(windowDays('previous-day', at)).toEqual({ from: '2026-02-28', to: '2026-02-28' })
    expect(windowDays('previous-7-days', at)).toEqual({ from: '2026-02-22', to: '2026-02-28' })
    expect(windowDays('previous-month', at)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(windowDays('previous-month', new Date('2026-01-15T12:00:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    })
  })

  it('gives one-day reports a date and range reports from/to, checked by the catalog', () => {
    expect(
      resolveParams('stuck-packets', { window: 'previous-day', thresholdHours: 48 }, at),
    ).toEqual({
      ok: true,
      params: { date: '2026-02-28', thresholdHours: 48 },
      period: '2026-02-28',
    })
    expect(
      resolveParams('center-rejections', { window: 'previous-7-days', center: '10001' }, at),
    ).toMatchObject({ ok: true, params: { from: '2026-02-22', to: '2026-02-28', center: '10001' } })
    expect(
      resolveParams('registrations-by-center', { window: 'previous-month' }, at),
    ).toMatchObject({
      ok: false,
    })
    expect(resolveParams('center-rejections', { window: 'previous-day' }, at)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('center')],
    })
    expect(
      resolveParams('uin-by-age-gender', { window: 'today', center: '10001' }, at),
    ).toMatchObject({
      ok: false,
    })
  })
})
