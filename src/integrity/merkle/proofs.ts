import { CompactRange } from './compact-range.js'
import { type NodeId } from './node-id.js'
import { hashSize, nodeHash } from './rfc6962.js'
import { requireNat, splitPoint } from './safe-int.js'

export { ProofError, verifyConsistency, verifyInclusion, type ProofFailure } from './verify.js'

/** Looks up the hashes of perfect subtrees, answering in the order asked. */
export type NodeReader = (nodes: readonly NodeId[]) => Promise<Buffer[]>

/**
 * One proof hash, as the perfect subtrees whose hashes make it up, left to right. A single
 * node is stored as is; several make an "ephemeral" node on the right edge of a tree whose
 * size is not a power of two, which no storage holds and which is hashed here.
 */
type ProofPart = NodeId[]

/** The perfect subtrees covering leaves [start, end), left to right; `start` is aligned. */
function rangeNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = []
  while (start < end) {
    let level = 0
    let width = 1
    while (start % (width * 2) === 0 && start + width * 2 <= end) {
      level += 1
      width *= 2
    }
    nodes.push({ level, index: start / width })
    start += width
  }
  return nodes
}

/** RFC 9162 2.1.3.1 PATH(index, D[start:end]), deepest sibling first. */
function inclusionParts(index: number, start: number, end: number, out: ProofPart[]): void {
  if (end - start <= 1) return
  const mid = start + splitPoint(end - start)
  if (index < mid) {
    inclusionParts(index, start, mid, out)
    out.push(rangeNodes(mid, end))
  } else {
    inclusionParts(index, mid, end, out)
    out.push(rangeNodes(start, mid))
  }
}

/** RFC 9162 2.1.4.1 SUBPROOF(m, D[start:end], whole): `whole` means D[start:start+m] is known. */
function consistencyParts(
  m: number,
  start: number,
  end: number,
  whole: boolean,
  out: ProofPart[],
): void {
  if (start + m === end) {
    if (!whole) out.push(rangeNodes(start, end))
    return
  }
  const mid = start + splitPoint(end - start)
  if (start + m <= mid) {
    consistencyParts(m, start, mid, whole, out)
    out.push(rangeNodes(mid, end))
  } else {
    consistencyParts(start + m - mid, mid, end, false, out)
    out.push(rangeNodes(start, mid))
  }
}

/** Reads every node of every part in one call and folds each part into its proof hash. */
async function resolve(parts: readonly ProofPart[], read: NodeReader): Promise<Buffer[]> {
  const nodes = parts.flat()
  if (nodes.length === 0) return []
  const hashes = await read(nodes)
  if (hashes.length !== nodes.length) {
    throw new Error(`node reader returned ${hashes.length} hashes for ${nodes.length} nodes`)
  }
  for (const hash of hashes) {
    if (hash.length !== hashSize) throw new Error(`node reader returned a ${hash.length}-byte hash`)
  }
  const proof: Buffer[] = []
  let cursor = 0
  for (const part of parts) {
    const own = hashes.slice(cursor, cursor + part.length)
    cursor += part.length
    // The ephemeral node is the right-leaning tree over its parts: fold from the right.
    let hash = own[own.length - 1] as Buffer
    for (let i = own.length - 2; i >= 0; i--) hash = nodeHash(own[i] as Buffer, hash)
    proof.push(hash)
  }
  return proof
}

/** The RFC 6962/9162 audit path of leaf `index` in the tree of `size` leaves. */
export async function inclusionProof(
  index: number,
  size: number,
  read: NodeReader,
): Promise<Buffer[]> {
  requireNat('index', index)
  requireNat('size', size)
  if (index >= size) throw new RangeError(`index ${index} is not in a tree of size ${size}`)
  const parts: ProofPart[] = []
  inclusionParts(index, 0, size, parts)
  return resolve(parts, read)
}

/**
 * The RFC 9162 2.1.4 consistency proof from the tree of `size1` leaves to that of `size2`;
 * empty when the sizes are equal or `size1` is 0 (nothing to prove; verifiers still refuse a
 * proof from the empty tree, as transparency-dev/merkle does).
 */
export async function consistencyProof(
  size1: number,
  size2: number,
  read: NodeReader,
): Promise<Buffer[]> {
  requireNat('size1', size1)
  requireNat('size2', size2)
  if (size1 > size2) throw new RangeError(`size1 ${size1} is greater than size2 ${size2}`)
  if (size1 === 0 || size1 === size2) return []
  const parts: ProofPart[] = []
  consistencyParts(size1, 0, size2, true, parts)
  return resolve(parts, read)
}

/** The Merkle Tree Hash of a list of leaf hashes. */
export function rootFromLeafHashes(hashes: readonly Buffer[]): Buffer {
  const range = CompactRange.empty()
  for (const hash of hashes) range.append(hash)
  return range.root()
}
