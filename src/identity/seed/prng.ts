/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that a seed gives the same country
 * on every machine. Not for secrets: the seed is public and the output is predictable.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** `length` decimal digits. */
  digits(length: number): string
  /** A UUID-shaped id (version 4 layout) from the stream. */
  uuid(): string
  /**
   * A version-7 UUID for an event at `at` (ms since 1970): time first, so ids of time-series rows
   * (transactions, audit, authentications) land at the end of their primary-key index.
   */
  timeUuid(at: number): string
  /** A child stream, independent of how much this one is used later. */
  fork(label: string): Prng
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a of a string, to turn seeds and labels into 32-bit numbers. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
/** Four bytes of `w`, high first, as hex. */
const hex8 = (w: number) =>
  (HEX[w >>> 24] ?? '') +
  (HEX[(w >>> 16) & 255] ?? '') +
  (HEX[(w >>> 8) & 255] ?? '') +
  (HEX[w & 255] ?? '')

export function createPrng(seed: string | number): Prng {
  const init = splitmix32(typeof seed === 'number' ? seed : hash32(seed))
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const raw = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) raw()
  const next = () => raw() / 4294967296
  const prng: Prng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) return item
      }
      const last = items[items.length - 1]
      if (!last) throw new Error('weighted pick from an empty list')
      return last[0]
    },
    digits(length) {
      // Nine digits per draw (the slight bias of 2^32 mod 10^9 does not matter here).
      let out = ''
      while (out.length < length) out += String(raw() % 1_000_000_000).padStart(9, '0')
      return out.length === length ? out : out.slice(0, length)
    },
    uuid() {
      const w1 = raw()
      // Version nibble 4 and variant bits 10xx, as a version-4 UUID has them.
      const w2 = ((raw() & 0xffff0fff) | 0x4000) >>> 0
      const w3 = ((raw() & 0x3fffffff) | 0x80000000) >>> 0
      const a = hex8(w2)
      const b = hex8(w3)
      return `${hex8(w1)}-${a.slice(0, 4)}-${a.slice(4)}-${b.slice(0, 4)}-${b.slice(4)}${hex8(raw())}`
    },
    timeUuid(at) {
      const high = hex8(Math.floor(at / 65_536))
      const low = hex8(((at % 65_536) * 65_536 + 0x7000 + (raw() & 0x0fff)) >>> 0)
      const b = hex8(((raw() & 0x3fffffff) | 0x80000000) >>> 0)
      return `${high}-${low.slice(0, 4)}-${low.slice(4)}-${b.slice(0, 4)}-${b.slice(4)}${hex8(raw())}`
    },
    fork: (label) => createPrng((raw() ^ hash32(label)) >>> 0),
  }
  return prng
}
