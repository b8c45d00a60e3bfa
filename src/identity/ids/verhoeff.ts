/**
 * The Verhoeff check digit (dihedral group D5), as MOSIP's ChecksumUtils appends to UINs and
 * VIDs. It catches every single-digit error and every swap of adjacent digits.
 */

/** Multiplication in D5: multiply[a][b]. */
const multiply: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]

/** The permutation applied to a digit by its position (from the right), period 8. */
const permute: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]

/** The inverse of each element of D5. */
const inverse: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

const digitsOnly = /^\d+$/

/** Runs the Verhoeff accumulator over `digits`, the first one sitting at position `offset` from the right. */
function accumulate(digits: string, offset: number): number {
  let check = 0
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48
    // The tables are total over 0-9, so the fallbacks never apply; they satisfy the type checker.
    check = multiply[check]?.[permute[(i + offset) % 8]?.[digit] ?? 0] ?? 0
  }
  return check
}

/** The check digit to append to `digits` (a non-empty string of 0-9). */
function compute(digits: string): string {
  if (!digitsOnly.test(digits)) throw new TypeError('Verhoeff digits must be 0-9')
  return String(inverse[accumulate(digits, 1)])
}

/** Whether `value` (digits, the last one being the check digit) carries a valid check digit. */
function check(value: string): boolean {
  return digitsOnly.test(value) && value.length > 1 && accumulate(value, 0) === 0
}

/** Verhoeff check digits: `compute('236')` is '3'; `check('2363')` is true. */
export const verhoeff = { compute, check } as const
