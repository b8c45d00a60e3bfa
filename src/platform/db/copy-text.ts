/** A value as COPY text encodes it; timestamps are UTC `Date`s, bytea is a Uint8Array. */
export type CopyValue = string | number | boolean | Date | Uint8Array | null

const DAY_MS = 86_400_000
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))
let cachedDay = Number.NaN
let cachedPrefix = ''

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` in UTC. `timestamp` columns take it as it is (MOSIP's hold UTC),
 * `date` ones keep the day. Why not toISOString: bulk loads format tens of millions of these,
 * mostly of the same day, and reusing the day's text halves the cost.
 */
export function timestampText(date: Date): string {
  const ms = date.getTime()
  const day = Math.floor(ms / DAY_MS)
  if (day !== cachedDay) {
    cachedDay = day
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11)
  }
  let rest = ms - day * DAY_MS
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.floor(rest / 1000)
  return `${cachedPrefix}${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[rest - seconds * 1000]}`
}

// Backslash, tab, newline and carriage return are the characters COPY text gives a meaning.
const SPECIAL = /[\\\t\n\r]/
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function field(value: CopyValue | undefined): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (value instanceof Date) return timestampText(value)
  // bytea in hex form; its leading backslash is itself escaped for COPY.
  return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
}

/**
 * One row in PostgreSQL's COPY text format, newline included: fields separated by tabs, `\N`
 * for null. Used with `Database.copyIn`. Built with one join rather than by appending, so the
 * row is one flat string at once (appending makes a rope that is flattened, slowly, later).
 */
export function copyTextRow(values: readonly (CopyValue | undefined)[]): string {
  const fields = new Array<string>(values.length)
  for (let i = 0; i < values.length; i++) fields[i] = field(values[i])
  return `${fields.join('\t')}\n`
}
