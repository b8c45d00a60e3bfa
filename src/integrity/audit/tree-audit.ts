import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import {
  CompactRange,
  emptyRoot,
  hashSize,
  leafHash,
  tileHeight,
  tilePath,
  tilesForSize,
  tileWidth,
} from '../merkle/index.js'
import { decodeEntry } from '../log/log-entry.js'
import type { AuditProgress, Findings } from './findings.js'

/** Entries read per query: a page of 150-byte entries and its tiles stay small. */
export const entryPage = 4096

export interface StoredHead {
  readonly size: number
  readonly root: Buffer
  readonly frontier: Buffer
}

export interface TreeResult {
  /** The root recomputed from the entries at each asked-for size the log reaches. */
  readonly rootsAt: ReadonlyMap<number, Buffer>
  readonly root: Buffer
  readonly entries: number
  readonly tiles: number
}

interface BuiltTile {
  readonly level: number
  readonly index: number
  readonly hashes: Buffer[]
}

const hex = (b: Buffer) => b.toString('hex')

export async function readStoredHead(db: Db): Promise<StoredHead | null> {
  const { rows } = await sql<{ size: string; root: Uint8Array; frontier: Uint8Array }>`
    select size, root, frontier from integrity.head where id = 1`.execute(db)
  const row = rows[0]
  return row
    ? { size: Number(row.size), root: Buffer.from(row.root), frontier: Buffer.from(row.frontier) }
    : null
}

/**
 * Recomputes the tree from the entries, streaming in pages: every leaf hash, every tile hash
 * (the level-8k nodes the compact range completes) compared with the stored tiles, the root
 * against the head, and the root at each of `sizes` (the archived checkpoints).
 */
export async function auditTree(
  db: Db,
  head: StoredHead,
  sizes: readonly number[],
  findings: Findings,
  onProgress: AuditProgress,
  pageSize = entryPage,
): Promise<TreeResult> {
  const range = CompactRange.empty()
  const wanted = new Set(sizes)
  const rootsAt = new Map<number, Buffer>()
  if (wanted.has(0)) rootsAt.set(0, emptyRoot)
  const building = new Map<number, BuiltTile>()
  let built: BuiltTile[] = []
  const onComplete = (node: { level: number; index: number }, hash: Buffer) => {
    if (node.level % tileHeight !== 0) return
    const level = node.level / tileHeight
    const index = Math.floor(node.index / tileWidth)
    let tile = building.get(level)
    if (tile && tile.index !== index) {
      built.push(tile)
      tile = undefined
    }
    if (!tile) {
      tile = { level, index, hashes: [] }
      building.set(level, tile)
    }
    tile.hashes.push(hash)
  }

  let entries = 0
  for (let from = 0; from < head.size; from += pageSize) {
    const count = Math.min(pageSize, head.size - from)
    const { rows } = await sql<{ idx: string; data: Uint8Array }>`
      select idx, data from integrity.entry where idx >= ${from} and idx < ${from + count}
      order by idx`.execute(db)
    const byIndex = new Map(rows.map((row) => [Number(row.idx), Buffer.from(row.data)]))
    for (let index = from; index < from + count; index++) {
      const data = byIndex.get(index)
      let leaf: Buffer
      if (data === undefined) {
        findings.add('entry-missing', `entry ${index} is missing from integrity.entry`)
        // The stored leaf hash keeps the rest of the recomputation meaningful.
        leaf = (await storedLeaf(db, index)) ?? Buffer.alloc(hashSize)
      } else {
        entries += 1
        try {
          decodeEntry(data)
        } catch (error) {
          findings.add('entry-malformed', `entry ${index}: ${(error as Error).message}`)
        }
        leaf = leafHash(data)
      }
      range.append(leaf, onComplete)
      if (wanted.has(range.size)) rootsAt.set(range.size, range.root())
    }
    await compareTiles(db, built, findings)
    built = []
    onProgress('entries', from + count, head.size)
  }
  await compareTiles(db, [...building.values()], findings)
  await checkExtras(db, head.size, findings)
  const tiles = await checkTileSet(db, head.size, findings)

  const root = range.root()
  if (!root.equals(head.root))
    findings.add(
      'root-mismatch',
      `integrity.head root ${hex(head.root)} at size ${head.size} differs from the root recomputed from the entries, ${hex(root)}`,
    )
  if (!Buffer.concat(range.hashes()).equals(head.frontier))
    findings.add(
      'head-mismatch',
      `integrity.head frontier at size ${head.size} differs from the one recomputed from the entries`,
    )
  return { rootsAt, root, entries, tiles }
}

async function storedLeaf(db: Db, index: number): Promise<Buffer | null> {
  const { rows } = await sql<{ hashes: Uint8Array }>`
    select hashes from integrity.tile
    where level = 0 and idx = ${Math.floor(index / tileWidth)}`.execute(db)
  const hashes = rows[0]?.hashes
  const at = (index % tileWidth) * hashSize
  if (!hashes || hashes.length < at + hashSize) return null
  return Buffer.from(hashes).subarray(at, at + hashSize)
}

/** Compares recomputed tiles with the stored ones (one query for all of them). */
async function compareTiles(db: Db, tiles: readonly BuiltTile[], findings: Findings) {
  if (tiles.length === 0) return
  const { rows } = await sql<{ level: number; idx: string; width: number; hashes: Uint8Array }>`
    select t.level, t.idx, t.width, t.hashes from integrity.tile t
    join unnest(${tiles.map((t) => t.level)}::int[], ${tiles.map((t) => String(t.index))}::bigint[])
      as w(level, idx) on t.level = w.level and t.idx = w.idx`.execute(db)
  const stored = new Map(rows.map((row) => [`${row.level}/${row.idx}`, row]))
  for (const tile of tiles) {
    const width = tile.hashes.length
    const path = tilePath({ level: tile.level, index: tile.index, width })
    const row = stored.get(`${tile.level}/${tile.index}`)
    if (!row) {
      findings.add('tile-missing', `${path} is missing from integrity.tile`)
      continue
    }
    const data = Buffer.from(row.hashes)
    if (row.width !== width || data.length !== width * hashSize) {
      findings.add(
        'tile-mismatch',
        `${path} is stored with ${row.width} hashes (${data.length} bytes); the entries give ${width}`,
      )
      continue
    }
    const first = tile.hashes.findIndex(
      (hash, i) => !hash.equals(data.subarray(i * hashSize, (i + 1) * hashSize)),
    )
    if (first < 0) continue
    const span = tileWidth ** tile.level
    const position = tile.index * tileWidth + first
    const leaves =
      tile.level === 0
        ? `entry ${position}`
        : `entries ${position * span}..${(position + 1) * span - 1}`
    findings.add(
      'tile-mismatch',
      `${path}: hash ${first} (${leaves}) differs from the one recomputed from the entries`,
    )
  }
}

async function checkExtras(db: Db, size: number, findings: Findings) {
  const { rows } = await sql<{ n: string; first: string | null }>`
    select count(*) as n, min(idx) as first from integrity.entry
    where idx >= ${size} or idx < 0`.execute(db)
  const n = Number(rows[0]?.n ?? 0)
  if (n > 0)
    findings.add(
      'entry-extra',
      `${n} entries lie outside the log of size ${size} (the first at index ${rows[0]?.first})`,
    )
}

/** Stored tiles that a tree of `size` does not have. Returns how many tiles it has. */
async function checkTileSet(db: Db, size: number, findings: Findings): Promise<number> {
  const expected = new Set(tilesForSize(size).map((t) => `${t.level}/${t.index}`))
  const { rows } = await sql<{ level: number; idx: string; width: number }>`
    select level, idx, width from integrity.tile order by level, idx`.execute(db)
  for (const row of rows) {
    if (!expected.has(`${row.level}/${row.idx}`))
      findings.add(
        'tile-extra',
        `tile ${row.level}/${row.idx} (width ${row.width}) is stored but a log of size ${size} has no such tile`,
      )
  }
  return expected.size
}
