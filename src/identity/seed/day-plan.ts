import { isOpen, type Center, type Country } from './country-model.js'
import type { Prng } from './prng.js'
import { dayMs, isoDate } from './seed-options.js'

/** One working day of the window: which centers open and how much demand it carries. */
export interface DayPlan {
  readonly index: number
  readonly date: Date
  readonly iso: string
  readonly open: readonly Center[]
  readonly weight: number
}

/**
 * The weekly rhythm: weekdays carry full demand, Saturdays half (only where centers open),
 * Sundays and holidays none; demand grows by a third across the window as a campaign does.
 */
export function planDays(country: Country, start: Date, days: number): DayPlan[] {
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(start.getTime() + index * dayMs)
    const iso = isoDate(date)
    const open = country.centers.filter((center) => isOpen(country, center, date, iso))
    const saturday = date.getUTCDay() === 6 ? 0.5 : 1
    const growth = 1 + index / Math.max(1, days) / 3
    const weight = open.reduce((sum, center) => sum + center.kiosks, 0) * saturday * growth
    return { index, date, iso, open, weight }
  })
}

/** Splits `total` over weights by cumulative rounding: exact total, deterministic. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum === 0) return weights.map(() => 0)
  let cumulative = 0
  let given = 0
  return weights.map((weight) => {
    cumulative += weight
    const upTo = Math.round((total * cumulative) / sum)
    const share = upTo - given
    given = upTo
    return share
  })
}

/**
 * Creation times (UTC) of one kiosk's packets on a day: sessions of the center's per-kiosk
 * time times the officer's slowness, with random idle gaps, most officers at lunch during the
 * lunch hour (the daily dip). Returns fewer times than asked when the day is full.
 */
export function kioskTimes(
  prng: Prng,
  center: Center,
  day: Date,
  count: number,
  slowness: number,
): Date[] {
  const times: Date[] = []
  const lunchWorker = prng.chance(0.15)
  const available = center.endMinute - center.startMinute - (lunchWorker ? 0 : 60)
  const duration = center.perKioskMinutes * slowness
  const capacity = Math.floor(available / duration)
  const n = Math.min(count, capacity)
  const free = available - n * duration
  const gaps = Array.from({ length: n + 1 }, () => -Math.log(1 - prng.next() * 0.999))
  const gapSum = gaps.reduce((a, b) => a + b, 0)
  let minute = center.startMinute
  for (let i = 0; i < n; i++) {
    minute += (free * (gaps[i] ?? 0)) / gapSum
    if (!lunchWorker && minute >= center.lunchStartMinute && minute < center.lunchEndMinute)
      minute += 60
    minute += duration * (0.75 + prng.next() * 0.5)
    const local = Math.min(minute, center.endMinute - 1)
    times.push(new Date(day.getTime() + Math.round((local - center.utcOffsetMinutes) * 60_000)))
  }
  return times
}
