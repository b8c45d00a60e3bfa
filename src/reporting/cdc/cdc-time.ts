import { sql, type RawBuilder } from 'kysely'

/**
 * Change times travel as text in this fixed format (UTC, microseconds): a JavaScript Date
 * keeps milliseconds only, and a keyset cursor rounded to milliseconds would skip or repeat
 * rows. The format sorts as text in time order and casts back to `timestamp` exactly.
 */
export const changeTimeFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US'

/** `to_char(expression, changeTimeFormat)`. */
export function changeTimeText(expression: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${expression}, ${sql.lit(changeTimeFormat)})`
}

/** A change time as a `timestamp` parameter. */
export function timestampParam(text: string): RawBuilder<unknown> {
  return sql`cast(${text} as timestamp)`
}

/** `text` moved back by `seconds` (millisecond resolution; the microseconds are kept). */
export function secondsBefore(text: string, seconds: number): string {
  const millis = Date.parse(`${text.slice(0, 23)}Z`) - Math.round(seconds * 1000)
  return `${new Date(millis).toISOString().slice(0, 23)}${text.slice(23, 26)}`
}

/** Seconds from a change time to `now` (negative if it lies ahead). */
export function secondsSince(text: string, now: Date): number {
  return (now.getTime() - Date.parse(`${text.slice(0, 23)}Z`)) / 1000
}
