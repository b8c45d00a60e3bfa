import type { Db } from '../../platform/db/index.js'
import { nodeReaderFromTiles, tilePath, type NodeReader } from '../merkle/index.js'
import { readTile } from './log-store.js'

/** Reads any complete subtree of the log at `size` from the stored tiles. */
export function storedNodeReader(db: Db, size: number): NodeReader {
  return nodeReaderFromTiles(size, async (tile) => {
    const hashes = await readTile(db, tile)
    if (!hashes) throw new Error(`tile ${tilePath(tile)} is missing from integrity.tile`)
    return hashes
  })
}
