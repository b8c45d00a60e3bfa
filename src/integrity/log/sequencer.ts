import type { Transaction } from 'kysely'
import { sql } from 'kysely'
import { markChangesLogged, unloggedChanges, type RecordChange } from '../../identity/index.js'
import type { Db } from '../../platform/db/index.js'
import { leafHash, tileHeight } from '../merkle/index.js'
import { actorKey, encodeEntry, recordKey } from './log-entry.js'
import { appendTileHashes, insertEntries, readHead, writeHead } from './log-store.js'

/** Largest batch sequenced in one transaction (Tessera batches 256; backfills take more). */
export const maxBatch = 1024

export interface SequencedBatch {
  readonly first: number
  readonly count: number
  readonly size: number
}

/**
 * Sequences journalled record changes into the log: one transaction per batch appends the
 * entries, grows the hash tiles and the head, and stamps the changes with their index, so a
 * change is acknowledged only when all of that is durable. The head row's lock makes
 * sequencers in several processes take turns.
 */
export async function sequenceBatch(db: Db, limit = maxBatch): Promise<SequencedBatch | null> {
  return db.transaction().execute(async (trx) => {
    const head = await readHead(trx, true)
    const changes = await unloggedChanges(trx, limit)
    if (changes.length === 0) return null
    const previous = await latestEntries(trx, changes)
    const range = head.range
    const tileHashes = new Map<number, { first: number; hashes: Buffer[] }>()
    const entries = changes.map((change, i) => {
      const key = recordKey(change.uinRefId)
      const hex = key.toString('hex')
      const entry = encodeEntry({
        action: change.action,
        recordKey: key,
        version: change.version,
        previousIndex: previous.get(hex) ?? null,
        commitment: change.commitment,
        consentRef: change.consentRef,
        time: change.changedAt.getTime(),
        actorKey: actorKey(change.actor),
      })
      previous.set(hex, head.size + i)
      range.append(leafHash(entry), (node, hash) => {
        if (node.level % tileHeight !== 0) return
        const level = node.level / tileHeight
        const run = tileHashes.get(level) ?? { first: node.index, hashes: [] }
        run.hashes.push(hash)
        tileHashes.set(level, run)
      })
      return entry
    })
    await insertEntries(trx, head.size, entries)
    for (const [level, run] of tileHashes) await appendTileHashes(trx, level, run.first, run.hashes)
    await saveRecordHeads(trx, changes, previous)
    await writeHead(trx, range)
    await markChangesLogged(
      trx,
      changes.map((change, i) => ({ seq: change.seq, logIndex: head.size + i })),
    )
    return { first: head.size, count: changes.length, size: range.size }
  })
}

/** Each changed record's latest entry index so far, by record key (hex). */
async function latestEntries(
  trx: Transaction<object>,
  changes: readonly RecordChange[],
): Promise<Map<string, number>> {
  const keys = [...new Set(changes.map((c) => recordKey(c.uinRefId).toString('hex')))]
  const { rows } = await sql<{ key: string; last_idx: string }>`
    select encode(record_key, 'hex') as key, last_idx from integrity.record_head
    where record_key in (select decode(k, 'hex') from unnest(${keys}::text[]) as k)`.execute(trx)
  return new Map(rows.map((row) => [row.key, Number(row.last_idx)]))
}

async function saveRecordHeads(
  trx: Transaction<object>,
  changes: readonly RecordChange[],
  latest: ReadonlyMap<string, number>,
): Promise<void> {
  const versions = new Map<string, number>()
  for (const change of changes)
    versions.set(recordKey(change.uinRefId).toString('hex'), change.version)
  const keys = [...versions.keys()]
  await sql`
    insert into integrity.record_head (record_key, last_idx, version)
    select decode(k, 'hex'), i, v
    from unnest(${keys}::text[], ${keys.map((k) => String(latest.get(k)))}::bigint[],
      ${keys.map((k) => versions.get(k) ?? 0)}::int[]) as r(k, i, v)
    on conflict (record_key) do update set last_idx = excluded.last_idx, version = excluded.version`.execute(
    trx,
  )
}
