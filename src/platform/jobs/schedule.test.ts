import { describe, expect, it } from 'vitest'
import {
  describeSchedule,
  firstRunAt,
  nextRunAt,
  rescheduledRunAt,
  scheduleOf,
} from './schedule.js'

const at = (iso: string) => new Date(iso)

describe('schedule', () => {
  it('describes schedules as stored text', () => {
    expect(describeSchedule(scheduleOf({ every: 60 }))).toBe('every 60s')
    expect(describeSchedule(scheduleOf({ cron: ' 0  3 * * * ' }))).toBe('cron 0 3 * * *')
  })

  it('rejects bad schedules with a definition error', () => {
    expect(() => scheduleOf({})).toThrow(/exactly one/)
    expect(() => scheduleOf({ every: 5, cron: '* * * * *' })).toThrow(/exactly one/)
    expect(() => scheduleOf({ every: 0 })).toThrow(/at least/)
    expect(() => scheduleOf({ cron: 'every day' })).toThrow(
      expect.objectContaining({ code: 'MOS-JOB-001' }),
    )
  })

  it('runs a new every-job at once and a new cron job at its next match (UTC)', () => {
    const now = at('2026-03-01T10:15:30Z')
    expect(firstRunAt(scheduleOf({ every: 3600 }), now)).toEqual(now)
    expect(firstRunAt(scheduleOf({ cron: '0 3 * * *' }), now)).toEqual(at('2026-03-02T03:00:00Z'))
  })

  it('keeps the phase of every-jobs and collapses missed periods into one run', () => {
    const every = scheduleOf({ every: 60 })
    const scheduled = at('2026-03-01T10:00:00Z')
    expect(nextRunAt(every, scheduled, at('2026-03-01T10:00:00.200Z'))).toEqual(
      at('2026-03-01T10:01:00Z'),
    )
    // Down for 5 hours: the next run is the next slot after now, not 300 catch-up runs.
    expect(nextRunAt(every, scheduled, at('2026-03-01T15:00:30Z'))).toEqual(
      at('2026-03-01T15:01:00Z'),
    )
    expect(nextRunAt(every, scheduled, at('2026-03-01T15:01:00Z'))).toEqual(
      at('2026-03-01T15:02:00Z'),
    )
  })

  it('computes cron runs after the later of now and the scheduled time', () => {
    const cron = scheduleOf({ cron: '*/10 * * * * *' })
    expect(nextRunAt(cron, at('2026-03-01T10:00:00Z'), at('2026-03-01T10:00:00.300Z'))).toEqual(
      at('2026-03-01T10:00:10Z'),
    )
    expect(nextRunAt(cron, at('2026-03-01T10:00:00Z'), at('2026-03-02T08:00:01Z'))).toEqual(
      at('2026-03-02T08:00:10Z'),
    )
  })

  it('reschedules a changed every-job from its last start', () => {
    const now = at('2026-03-01T10:00:00Z')
    const every = scheduleOf({ every: 600 })
    expect(rescheduledRunAt(every, at('2026-03-01T09:55:00Z'), now)).toEqual(
      at('2026-03-01T10:05:00Z'),
    )
    expect(rescheduledRunAt(every, at('2026-03-01T09:00:00Z'), now)).toEqual(now)
    expect(rescheduledRunAt(every, null, now)).toEqual(now)
  })
})
