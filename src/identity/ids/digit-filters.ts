/**
 * The digit patterns MOSIP's kernel refuses in generated identifiers (UinFilterUtil,
 * VidFilterUtils). Each predicate returns true when the value shows the pattern; a limit of 0
 * turns a pattern off (MOSIP's VID filter does the same for its limits).
 */

/**
 * Cyclic numbers (the repetends of 1/7, 1/17, 1/19, 1/23, 1/29, 1/47, 1/59, 1/61, 1/97): the
 * list MOSIP's UIN filter refuses. Only those no longer than the identifier can occur in it.
 */
export const cyclicNumbers: readonly string[] = [7, 17, 19, 23, 29, 47, 59, 61, 97].map(repetend)

/** The repeating decimal digits of 1/p for a full-reptend prime p (p - 1 digits). */
function repetend(prime: number): string {
  let digits = ''
  let remainder = 1
  for (let i = 0; i < prime - 1; i++) {
    remainder *= 10
    digits += Math.floor(remainder / prime)
    remainder %= prime
  }
  return digits
}

/**
 * A run of `limit` digits each one more (or each one less) than the one before, e.g. 123 or 987.
 * With `wrap`, 9 is followed by 0 (890, 901, 109, 098): MOSIP's UIN filter searches a doubled
 * "0123456789" string, its VID filter and the validators a single one.
 */
export function hasSequence(value: string, limit: number, wrap: boolean): boolean {
  if (limit < 2) return limit === 1 && value.length > 0
  let up = 1
  let down = 1
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1)
    up = step === 1 || (wrap && step === -9) ? up + 1 : 1
    down = step === -1 || (wrap && step === 9) ? down + 1 : 1
    if (up >= limit || down >= limit) return true
  }
  return false
}

const patternCache = new Map<string, RegExp>()

function pattern(source: string): RegExp {
  let compiled = patternCache.get(source)
  if (!compiled) {
    compiled = new RegExp(source)
    patternCache.set(source, compiled)
  }
  return compiled
}

/** The same digit twice within `limit` places: MOSIP's `(\d)\d{0,limit-1}\1` (11 and 1x1 for 2). */
export function hasRepeatingDigit(value: string, limit: number): boolean {
  return limit > 0 && pattern(`(\\d)\\d{0,${limit - 1}}\\1`).test(value)
}

/** A block of `limit` or more digits that occurs again later: MOSIP's `(\d{limit,}).*?\1`. */
export function hasRepeatingBlock(value: string, limit: number): boolean {
  return limit > 0 && pattern(`(\\d{${limit},}).*?\\1`).test(value)
}

/** `limit` even digits in a row, counting only 2, 4, 6, 8 (MOSIP's `[2468]{limit}`; 0 is not counted). */
export function hasEvenRun(value: string, limit: number): boolean {
  return limit > 0 && pattern(`[2468]{${limit}}`).test(value)
}

/** The first `limit` digits equal the last `limit` digits (e.g. 43456xxxxx43456). */
export function firstEqualsLast(value: string, limit: number): boolean {
  return limit > 0 && value.length >= limit && value.slice(0, limit) === value.slice(-limit)
}

/** The first `limit` digits equal the last `limit` digits reversed (e.g. 4345665434). */
export function firstEqualsReversedLast(value: string, limit: number): boolean {
  if (limit <= 0 || value.length < limit) return false
  return value.slice(0, limit) === [...value.slice(-limit)].reverse().join('')
}

/** The first of `numbers` found anywhere in the value. */
export function findContained(value: string, numbers: readonly string[]): string | undefined {
  return numbers.find((number) => number.length > 0 && value.includes(number))
}

/** The first of `prefixes` the value starts with. */
export function findPrefix(value: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((prefix) => prefix.length > 0 && value.startsWith(prefix))
}
