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

const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0')

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
      let out = ''
      while (out.length < length) out += String(raw() % 10)
      return out
    },
    uuid() {
      const [w1, w2, w3, w4] = [raw(), raw(), raw(), raw()]
      const h = hex(w1) + hex(w2) + hex(w3) + hex(w4)
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
    },
    fork: (label) => createPrng((raw() ^ hash32(label)) >>> 0),
  }
  return prng
}
