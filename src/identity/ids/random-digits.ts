import { randomFillSync } from 'node:crypto'

const pool = Buffer.alloc(4096)
let next = pool.length

/**
 * A string of `length` uniformly random decimal digits from the operating system's CSPRNG.
 * Bytes of 250 and above are skipped so that every digit is equally likely (MOSIP takes the
 * decimal expansion of random bytes, which favours low leading digits).
 */
export function randomDigits(length: number): string {
  let digits = ''
  while (digits.length < length) {
    if (next === pool.length) {
      randomFillSync(pool)
      next = 0
    }
    const byte = pool[next++] ?? 255
    if (byte < 250) digits += String(byte % 10)
  }
  return digits
}
