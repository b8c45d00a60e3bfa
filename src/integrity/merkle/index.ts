export { CompactRange } from './compact-range.js'
export { type NodeId } from './node-id.js'
export {
  consistencyProof,
  inclusionProof,
  ProofError,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
  type NodeReader,
  type ProofFailure,
} from './proofs.js'
export { emptyRoot, hashSize, leafHash, nodeHash } from './rfc6962.js'
export {
  changedTiles,
  decodeEntryBundle,
  encodeEntryBundle,
  entriesPath,
  nodeReaderFromTiles,
  parseTilePath,
  rootFromTiles,
  tileHeight,
  tilePath,
  tilesForSize,
  tileWidth,
  type ParsedTilePath,
  type TileId,
} from './tiles.js'
