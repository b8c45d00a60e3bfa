import { requireNat } from './safe-int.js'

/** Hashes in a full tile (C2SP tlog-tiles). */
export const tileWidth = 256
/** Tree levels a tile spans: a level-L tile holds the hashes at tree level 8 * L. */
export const tileHeight = 8

/** A hash tile: `width` (1..256, 256 = full) hashes of tile `index` at tile level `level`. */
export interface TileId {
  readonly level: number
  readonly index: number
  readonly width: number
}

const maxTileLevel = 63

function requireWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > tileWidth) {
    throw new RangeError(`tile width must be an integer in 1..${tileWidth}, got ${String(width)}`)
  }
}

/** `N` of a tile path: 3-digit groups, all but the last prefixed with `x` (x001/x234/067). */
function encodeIndex(index: number): string {
  const digits = String(index)
  const groups: string[] = []
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, '0'))
  }
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/')
}

function widthSuffix(width: number): string {
  return width === tileWidth ? '' : `.p/${width}`
}

/** `tile/<L>/<N>[.p/<W>]`. */
export function tilePath(tile: TileId): string {
  if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > maxTileLevel) {
    throw new RangeError(`tile level must be an integer in 0..${maxTileLevel}`)
  }
  requireNat('tile index', tile.index)
  requireWidth(tile.width)
  return `tile/${tile.level}/${encodeIndex(tile.index)}${widthSuffix(tile.width)}`
}

/** `tile/entries/<N>[.p/<W>]`: the bundle of entries [N * 256, N * 256 + W). */
export function entriesPath(index: number, width: number): string {
  requireNat('bundle index', index)
  requireWidth(width)
  return `tile/entries/${encodeIndex(index)}${widthSuffix(width)}`
}

export type ParsedTilePath =
  { kind: 'hash'; tile: TileId } | { kind: 'entries'; index: number; width: number }

const pathPattern = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]+))?$/

/**
 * Reads a path relative to the log prefix (`tile/...`). Only the canonical form is accepted,
 * so each tile has exactly one name (no `x000/` padding group, no `.p/256`, no leading zeros);
 * anything else is null.
 */
export function parseTilePath(path: string): ParsedTilePath | null {
  const match = pathPattern.exec(path)
  if (match === null) return null
  const [, levelText = '', indexText = '', widthText] = match
  const index = Number(indexText.replaceAll('x', '').replaceAll('/', ''))
  if (!Number.isSafeInteger(index) || encodeIndex(index) !== indexText) return null
  let width = tileWidth
  if (widthText !== undefined) {
    width = Number(widthText)
    if (String(width) !== widthText || width < 1 || width >= tileWidth) return null
  }
  if (levelText === 'entries') return { kind: 'entries', index, width }
  const level = Number(levelText)
  if (level > maxTileLevel) return null
  return { kind: 'hash', tile: { level, index, width } }
}
