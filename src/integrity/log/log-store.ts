import { sql, type Transaction } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import { CompactRange, type TileId, tileWidth } from '../merkle/index.js'

type Executor = Db | Transaction<object>

/** The log's head: its size, root and the compact range new leaves are appended to. */
export interface LogHead {
  readonly size: number
  readonly root: Buffer
  readonly range: CompactRange
}

export async function readHead(executor: Executor, forUpdate = false): Promise<LogHead> {
  const { rows } = await sql<{ size: string; root: Uint8Array; frontier: Uint8Array }>`
    select size, root, frontier from integrity.head where id = 1
    ${forUpdate ? sql`for update` : sql``}`.execute(executor)
  const row = rows[0]
  if (!row) throw new Error('integrity.head is missing: run the migrations')
  const size = Number(row.size)
  const frontier = Buffer.from(row.frontier)
  const hashes: Buffer[] = []
  for (let at = 0; at < frontier.length; at += 32) hashes.push(frontier.subarray(at, at + 32))
  return { size, root: Buffer.from(row.root), range: CompactRange.of(size, hashes) }
}

export async function writeHead(trx: Transaction<object>, range: CompactRange): Promise<void> {
  await sql`update integrity.head set size = ${range.size}, root = ${range.root()},
    frontier = ${Buffer.concat(range.hashes())}, updated_at = now() where id = 1`.execute(trx)
}

/** A tile's hashes at `width` (a prefix of the stored, possibly wider, tile); null if absent. */
export async function readTile(executor: Executor, tile: TileId): Promise<Buffer | null> {
  const { rows } = await sql<{ width: number; hashes: Uint8Array }>`
    select width, hashes from integrity.tile
    where level = ${tile.level} and idx = ${tile.index}`.execute(executor)
  const row = rows[0]
  if (!row || row.width < tile.width) return null
  return Buffer.from(row.hashes).subarray(0, tile.width * 32)
}

/** Appends hashes to the tiles of one level, starting at the level's `firstPosition`. */
export async function appendTileHashes(
  trx: Transaction<object>,
  level: number,
  firstPosition: number,
  hashes: readonly Buffer[],
): Promise<void> {
  let position = firstPosition
  let pending = [...hashes]
  while (pending.length > 0) {
    const index = Math.floor(position / tileWidth)
    const offset = position % tileWidth
    const take = pending.slice(0, tileWidth - offset)
    const existing =
      offset === 0 ? Buffer.alloc(0) : await readTile(trx, { level, index, width: offset })
    if (existing === null) throw new Error(`tile ${level}/${index} is shorter than ${offset}`)
    const data = Buffer.concat([existing, ...take])
    await sql`insert into integrity.tile (level, idx, width, hashes)
      values (${level}, ${index}, ${data.length / 32}, ${data})
      on conflict (level, idx) do update set width = excluded.width, hashes = excluded.hashes`.execute(
      trx,
    )
    position += take.length
    pending = pending.slice(take.length)
  }
}

/** Entries [from, from + count) in index order. */
export async function readEntries(
  executor: Executor,
  from: number,
  count: number,
): Promise<Buffer[]> {
  const { rows } = await sql<{ data: Uint8Array }>`
    select data from integrity.entry where idx >= ${from} and idx < ${from + count}
    order by idx`.execute(executor)
  return rows.map((row) => Buffer.from(row.data))
}

export async function insertEntries(
  trx: Transaction<object>,
  first: number,
  entries: readonly Buffer[],
): Promise<void> {
  if (entries.length === 0) return
  const indexes = entries.map((_, i) => String(first + i))
  // Hex text, decoded by the server: both drivers pass text arrays the same way.
  const hexes = entries.map((entry) => entry.toString('hex'))
  await sql`insert into integrity.entry (idx, data)
    select i, decode(h, 'hex') from unnest(${indexes}::bigint[], ${hexes}::text[]) as e(i, h)`.execute(
    trx,
  )
}
