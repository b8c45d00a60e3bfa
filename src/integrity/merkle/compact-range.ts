import { type NodeId } from './node-id.js'
import { emptyRoot, hashSize, nodeHash } from './rfc6962.js'
import { popcount, pow2, requireNat } from './safe-int.js'

function requireHash(what: string, hash: Uint8Array): void {
  if (hash.length !== hashSize) {
    throw new RangeError(`${what} must be ${hashSize} bytes, got ${hash.length}`)
  }
}

/**
 * The Merkle "frontier" of the tree of the first `size` leaves: the roots of its perfect
 * subtrees, one per set bit of `size`, largest (leftmost) first. It is all an appender needs to
 * keep: appending costs O(log n) hashes and the root follows from it.
 */
export class CompactRange {
  #size: number
  readonly #hashes: Buffer[]

  private constructor(size: number, hashes: Buffer[]) {
    this.#size = size
    this.#hashes = hashes
  }

  static empty(): CompactRange {
    return new CompactRange(0, [])
  }

  /** A frontier loaded from storage; `hashes` are those of `CompactRange.nodesFor(size)`. */
  static of(size: number, hashes: readonly Buffer[]): CompactRange {
    requireNat('size', size)
    const want = popcount(size)
    if (hashes.length !== want) {
      throw new RangeError(
        `a tree of size ${size} has ${want} frontier hashes, got ${hashes.length}`,
      )
    }
    hashes.forEach((hash, i) => requireHash(`frontier hash ${i}`, hash))
    return new CompactRange(size, [...hashes])
  }

  /** The NodeIds of the frontier of a tree of `size` leaves, largest subtree first. */
  static nodesFor(size: number): NodeId[] {
    requireNat('size', size)
    const nodes: NodeId[] = []
    let start = 0
    for (let level = 52; level >= 0; level--) {
      const width = pow2(level)
      if (size - start >= width) {
        nodes.push({ level, index: start / width })
        start += width
      }
    }
    return nodes
  }

  get size(): number {
    return this.#size
  }

  hashes(): Buffer[] {
    return [...this.#hashes]
  }

  /**
   * Appends one leaf. `onComplete` hears of every perfect subtree the append completes, the
   * leaf itself (level 0) first and then each parent merged above it, so that the caller can
   * store the hashes that tiles are made of.
   */
  append(leafHash: Buffer, onComplete?: (node: NodeId, hash: Buffer) => void): void {
    requireHash('leaf hash', leafHash)
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree is full')
    let hash = leafHash
    let level = 0
    let index = this.#size
    onComplete?.({ level, index }, hash)
    // Each trailing 1 bit of the old size is a perfect subtree of the same height as the new
    // one, immediately to its left: they merge, carry-style.
    for (let rest = this.#size; rest % 2 === 1; rest = Math.floor(rest / 2)) {
      const left = this.#hashes.pop()
      if (left === undefined) throw new Error('compact range invariant broken')
      hash = nodeHash(left, hash)
      level += 1
      index = Math.floor(index / 2)
      onComplete?.({ level, index }, hash)
    }
    this.#hashes.push(hash)
    this.#size += 1
  }

  /** The RFC 6962 Merkle Tree Hash of the whole range (`emptyRoot` when empty). */
  root(): Buffer {
    const last = this.#hashes.at(-1)
    if (last === undefined) return emptyRoot
    let hash = last
    for (let i = this.#hashes.length - 2; i >= 0; i--) {
      hash = nodeHash(this.#hashes[i] as Buffer, hash)
    }
    return hash
  }
}
