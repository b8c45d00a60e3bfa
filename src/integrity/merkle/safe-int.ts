/**
 * Integer helpers for tree sizes and indices. They are plain JS numbers (safe integers, up to
 * 2^53 - 1), so the 32-bit bitwise operators must not be used on them: these helpers divide.
 */

/** Throws a RangeError unless `value` is a non-negative safe integer. */
export function requireNat(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`)
  }
}

/** 2^exponent. */
export function pow2(exponent: number): number {
  return 2 ** exponent
}

/** The number of set bits of `value`. */
export function popcount(value: number): number {
  let count = 0
  for (let rest = value; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2
  return count
}

/** The largest power of two strictly below `n` (n >= 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** Whether `n` (>= 1) is a power of two. */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && splitPoint(n + 1) === n
}
