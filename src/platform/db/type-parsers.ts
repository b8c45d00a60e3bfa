/**
 * How column values come back to JavaScript, the same on PGlite and PostgreSQL, so that code
 * and tests never depend on the backend. Keys are PostgreSQL type OIDs.
 */
export const typeParsers: Record<number, (text: string) => unknown> = {
  // int8: counts and sequences; refuse silently-wrong numbers rather than lose precision.
  20: parseSafeInteger,
  // date: a calendar day has no time zone; keep 'YYYY-MM-DD'.
  1082: (text) => text,
  // timestamp without time zone: MOSIP's tables store UTC in these columns.
  1114: (text) => new Date(`${text.replace(' ', 'T')}Z`),
  // timestamptz
  1184: (text) => new Date(text),
  // numeric: exact decimals stay strings.
  1700: (text) => text,
}

function parseSafeInteger(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is beyond JavaScript's safe integer range`)
  }
  return value
}
