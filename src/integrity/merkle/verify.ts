import { hashSize, nodeHash } from './rfc6962.js'
import { isPowerOfTwo, requireNat } from './safe-int.js'

/** What made a proof fail. */
export type ProofFailure =
  | 'index-out-of-range'
  | 'size-order'
  | 'empty-tree'
  | 'bad-hash-length'
  | 'wrong-proof-size'
  | 'root-mismatch'

/** A proof that does not prove what it claims. Its `reason` says which check failed. */
export class ProofError extends Error {
  readonly reason: ProofFailure

  constructor(reason: ProofFailure, message: string) {
    super(message)
    this.name = 'ProofError'
    this.reason = reason
  }
}

function requireHashes(what: string, hashes: readonly Uint8Array[]): void {
  hashes.forEach((hash, i) => {
    if (hash.length !== hashSize) {
      throw new ProofError('bad-hash-length', `${what} ${i} has ${hash.length} bytes`)
    }
  })
}

function requireEqual(what: string, computed: Uint8Array, expected: Uint8Array): void {
  if (!Buffer.from(computed).equals(expected)) {
    throw new ProofError('root-mismatch', `the proof does not lead to the given ${what}`)
  }
}

/** Halves fn and sn together until fn is odd or 0: climbs to where the path turns. */
function climb(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) {
    fn /= 2
    sn = Math.floor(sn / 2)
  }
  return [fn, sn]
}

/**
 * Checks that `proof` is the audit path of the leaf with hash `leafHash` at `index` in the tree
 * of `size` leaves whose root is `root` (RFC 9162 2.1.3.2). Throws a ProofError if not.
 */
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): void {
  requireNat('size', size)
  // An index past the tree is a failed proof even when it is too big to be a safe integer
  // (e.g. a uint64 that wrapped around below zero in the sender's code).
  if (Number.isInteger(index) && index >= size) {
    throw new ProofError('index-out-of-range', `index ${index} is not in a tree of size ${size}`)
  }
  requireNat('index', index)
  requireHashes('leaf hash', [leafHash])
  requireHashes('proof hash', proof)
  requireHashes('root', [root])

  let fn = index
  let sn = size - 1
  let r: Buffer = leafHash
  for (const p of proof) {
    if (sn === 0) throw new ProofError('wrong-proof-size', 'the proof is too long')
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      if (fn % 2 === 0) [fn, sn] = climb(fn, sn)
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw new ProofError('wrong-proof-size', 'the proof is too short')
  requireEqual('root', r, root)
}

/**
 * Checks that `proof` shows the tree of `size2` leaves with root `root2` extends the tree of
 * `size1` leaves with root `root1` (RFC 9162 2.1.4.2). Throws a ProofError if not. As in
 * transparency-dev/merkle, a proof from the empty tree is refused (it proves nothing), and equal
 * sizes need an empty proof and byte-equal roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Buffer[],
  root1: Buffer,
  root2: Buffer,
): void {
  requireNat('size1', size1)
  requireNat('size2', size2)
  if (size2 < size1) {
    throw new ProofError('size-order', `size2 ${size2} is smaller than size1 ${size1}`)
  }
  if (size1 === 0) {
    throw new ProofError('empty-tree', 'a consistency proof from the empty tree is meaningless')
  }
  if (size1 === size2) {
    if (proof.length > 0) {
      throw new ProofError('wrong-proof-size', 'equal sizes need an empty proof')
    }
    requireEqual('root2 (equal sizes)', root1, root2)
    return
  }
  if (proof.length === 0) throw new ProofError('wrong-proof-size', 'the proof is empty')
  requireHashes('proof hash', proof)
  requireHashes('root', [root1, root2])

  // When the old tree is a perfect subtree of the new one, its root is the path's seed.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof
  // Levels where the old tree's last leaf is a right child lie inside the perfect subtree
  // whose hash is the seed (the path's first hash): skip them.
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0] as Buffer
  let sr = fr
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError('wrong-proof-size', 'the proof is too long')
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      if (fn % 2 === 0) [fn, sn] = climb(fn, sn)
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw new ProofError('wrong-proof-size', 'the proof is too short')
  requireEqual('root1', fr, root1)
  requireEqual('root2', sr, root2)
}
