import type { Extent } from './reporting-api.js'

const dayMs = 86_400_000

/** `day` moved by `days` (UTC calendar days). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

/** Every day from `from` to `to`, both included (empty when the range is backwards). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) days.push(day)
  return days
}

/**
 * The day pickers start on: the data's last day, not the wall clock, since the demo data can be
 * historical (today when there is no data yet).
 */
export function defaultDay(extent: Extent): string {
  return extent.lastDay ?? new Date().toISOString().slice(0, 10)
}

/** The last 30 days of data (fewer when the data spans less). */
export function defaultRange(extent: Extent): { from: string; to: string } {
  const to = defaultDay(extent)
  const earliest = addDays(to, -29)
  const from = extent.firstDay && extent.firstDay > earliest ? extent.firstDay : earliest
  return { from, to }
}
