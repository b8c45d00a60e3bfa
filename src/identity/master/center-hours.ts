import { type LocalTime, secondsOf } from './center-clock.js'
import type { CenterRow } from './master.tables.js'

/** Why a center is or is not open at an instant; registration processing maps these to CMD codes. */
export type OpeningStatus =
  'OPEN' | 'NOT_FOUND' | 'INACTIVE' | 'NON_WORKING_DAY' | 'HOLIDAY' | 'OUTSIDE_HOURS' | 'LUNCH'

export interface OpeningDecision {
  readonly open: boolean
  readonly status: OpeningStatus
  /** The center's local day and time the decision was made on, e.g. '2026-03-02T13:30:00'. */
  readonly localTime?: string
}

type Hours = Pick<
  CenterRow,
  'center_start_time' | 'center_end_time' | 'lunch_start_time' | 'lunch_end_time'
>

/**
 * Decides from the center's hours, its working day and holiday for the local day. Hours are
 * half-open, [start, end): a packet at 17:00 of a center closing at 17:00 is outside hours.
 */
export function decideOpening(
  hours: Hours,
  local: LocalTime,
  facts: { workingDay: boolean; holiday: boolean },
): OpeningDecision {
  const localTime = `${local.date}T${clock(local.seconds)}`
  const closed = (status: OpeningStatus) => ({ open: false, status, localTime })
  if (!facts.workingDay) return closed('NON_WORKING_DAY')
  if (facts.holiday) return closed('HOLIDAY')
  const now = local.seconds
  if (hours.center_start_time && now < secondsOf(hours.center_start_time))
    return closed('OUTSIDE_HOURS')
  if (hours.center_end_time && now >= secondsOf(hours.center_end_time))
    return closed('OUTSIDE_HOURS')
  if (
    hours.lunch_start_time &&
    hours.lunch_end_time &&
    now >= secondsOf(hours.lunch_start_time) &&
    now < secondsOf(hours.lunch_end_time)
  )
    return closed('LUNCH')
  return { open: true, status: 'OPEN', localTime }
}

function clock(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
}
