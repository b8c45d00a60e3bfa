/** Reference helpers for the Merkle tests: a naive tree, in-memory readers and tile stores. */
import { emptyRoot, leafHash, type NodeReader, nodeHash, type TileId } from './index.js'

/** The element at `i`, which the test knows exists. */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i]
  if (item === undefined) throw new Error(`no element ${i}`)
  return item
}

/** RFC 6962 MTH by its definition: split at the largest power of two below n. */
export function naiveRoot(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return emptyRoot
  if (hashes.length === 1) return at(hashes, 0)
  let k = 1
  while (k * 2 < hashes.length) k *= 2
  return nodeHash(naiveRoot(hashes.slice(0, k)), naiveRoot(hashes.slice(k)))
}

/** Every perfect subtree hash of the tree: levels[l][i] covers leaves [i * 2^l, (i+1) * 2^l). */
export function buildLevels(leaves: readonly Buffer[]): Buffer[][] {
  const levels = [[...leaves]]
  for (let below = [...leaves]; below.length >= 2;) {
    const next: Buffer[] = []
    for (let i = 0; i + 1 < below.length; i += 2) {
      next.push(nodeHash(at(below, i), at(below, i + 1)))
    }
    levels.push(next)
    below = next
  }
  return levels
}

export function memoryReader(levels: Buffer[][], size: number): NodeReader {
  return async (nodes) =>
    nodes.map((node) => {
      if ((node.index + 1) * 2 ** node.level > size) throw new Error('node outside the tree')
      return at(at(levels, node.level), node.index)
    })
}

/** A tile store over `levels`, recording what it is asked for. */
export function tileStore(levels: Buffer[][]) {
  const requests: TileId[] = []
  const fetchTile = async (tile: TileId): Promise<Buffer> => {
    requests.push(tile)
    const row = levels[8 * tile.level] ?? []
    return Buffer.concat(row.slice(tile.index * 256, tile.index * 256 + tile.width))
  }
  return { requests, fetchTile }
}

export const distinctLeaves = (n: number, salt = 'leaf'): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}-${i}`)))

export const flipBit = (hash: Buffer, bit: number): Buffer => {
  const copy = Buffer.from(hash)
  copy.writeUInt8(copy.readUInt8(bit >> 3) ^ (1 << (bit & 7)), bit >> 3)
  return copy
}
