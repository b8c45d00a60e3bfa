import { CompactRange } from './compact-range.js'
import { type NodeId } from './node-id.js'
import { type NodeReader } from './proofs.js'
import { emptyRoot, hashSize, nodeHash } from './rfc6962.js'
import { pow2, requireNat } from './safe-int.js'
import { type TileId, tileHeight, tileWidth } from './tile-paths.js'

export { decodeEntryBundle, encodeEntryBundle } from './entry-bundle.js'
export {
  entriesPath,
  parseTilePath,
  tileHeight,
  tilePath,
  tileWidth,
  type ParsedTilePath,
  type TileId,
} from './tile-paths.js'

/** How many hashes tile level `level` holds for a tree of `size` leaves. */
function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / pow2(tileHeight * level))
}

/** The tiles at one level holding hashes [from, to), each with its width at `to`. */
function tilesBetween(level: number, from: number, to: number): TileId[] {
  const tiles: TileId[] = []
  for (let index = Math.floor(from / tileWidth); index * tileWidth < to; index++) {
    tiles.push({ level, index, width: Math.min(tileWidth, to - index * tileWidth) })
  }
  return tiles
}

/** Every hash tile of the tree of `size` leaves, level by level, partial ones at their width. */
export function tilesForSize(size: number): TileId[] {
  return changedTiles(0, size)
}

/** The tiles that growing the tree from `oldSize` to `newSize` creates or widens. */
export function changedTiles(oldSize: number, newSize: number): TileId[] {
  requireNat('oldSize', oldSize)
  requireNat('newSize', newSize)
  if (oldSize > newSize) throw new RangeError(`oldSize ${oldSize} is above newSize ${newSize}`)
  const tiles: TileId[] = []
  // A level whose hash count does not change leaves every level above it unchanged too.
  for (let level = 0; ; level++) {
    const from = hashesAtLevel(oldSize, level)
    const to = hashesAtLevel(newSize, level)
    if (from === to) return tiles
    tiles.push(...tilesBetween(level, from, to))
  }
}

/** The hash of the perfect subtree over `hashes` (a power-of-two count). */
function perfectRoot(hashes: Buffer[]): Buffer {
  let layer = hashes
  while (layer.length > 1) {
    const next: Buffer[] = []
    for (let i = 0; i < layer.length; i += 2) {
      next.push(nodeHash(layer[i] as Buffer, layer[i + 1] as Buffer))
    }
    layer = next
  }
  return layer[0] as Buffer
}

/** Where a node's hash comes from: `count` hashes from `offset` of one tile. */
interface TileSlice {
  readonly tile: TileId
  readonly offset: number
  readonly count: number
}

function sliceFor(node: NodeId, size: number): TileSlice {
  requireNat('node level', node.level)
  requireNat('node index', node.index)
  if ((node.index + 1) * pow2(node.level) > size) {
    throw new RangeError(`node ${node.level}/${node.index} is not in a tree of size ${size}`)
  }
  const level = Math.floor(node.level / tileHeight)
  const count = pow2(node.level % tileHeight)
  const first = node.index * count
  const index = Math.floor(first / tileWidth)
  const width = Math.min(tileWidth, hashesAtLevel(size, level) - index * tileWidth)
  return { tile: { level, index, width }, offset: first % tileWidth, count }
}

/**
 * A NodeReader for the tree of `size` leaves that reads tiles: a node at tree level l is the
 * subtree over 2^(l mod 8) hashes of a tile at level floor(l / 8). Each call fetches each tile
 * it needs once, in parallel, at its width at `size` (a wider, later version is accepted too,
 * as tiles only grow).
 */
export function nodeReaderFromTiles(
  size: number,
  fetchTile: (tile: TileId) => Promise<Buffer>,
): NodeReader {
  requireNat('size', size)
  return async (nodes) => {
    const slices = nodes.map((node) => sliceFor(node, size))
    const wanted = new Map<string, TileId>()
    for (const { tile } of slices) wanted.set(`${tile.level}/${tile.index}`, tile)
    const fetched = new Map<string, Buffer>()
    await Promise.all(
      [...wanted].map(async ([key, tile]) => {
        const data = await fetchTile(tile)
        const hashes = data.length / hashSize
        if (!Number.isInteger(hashes) || hashes < tile.width || hashes > tileWidth) {
          throw new Error(`tile ${key} has ${data.length} bytes, expected ${tile.width} hashes`)
        }
        fetched.set(key, data)
      }),
    )
    return slices.map(({ tile, offset, count }) => {
      const data = fetched.get(`${tile.level}/${tile.index}`) as Buffer
      const hashes: Buffer[] = []
      for (let i = offset; i < offset + count; i++) {
        hashes.push(data.subarray(i * hashSize, (i + 1) * hashSize))
      }
      return perfectRoot(hashes)
    })
  }
}

/** The root of the tree of `size` leaves, from its tiles. */
export async function rootFromTiles(
  size: number,
  fetchTile: (tile: TileId) => Promise<Buffer>,
): Promise<Buffer> {
  requireNat('size', size)
  if (size === 0) return emptyRoot
  const nodes = CompactRange.nodesFor(size)
  const hashes = await nodeReaderFromTiles(size, fetchTile)(nodes)
  return CompactRange.of(size, hashes).root()
}
