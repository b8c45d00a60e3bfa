import { sql, type Transaction } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import { appendSignatures, type NoteSignature } from '../note/index.js'

type Executor = Db | Transaction<object>

/** A signed checkpoint as archived: every checkpoint the log ever signed stays. */
export interface ArchivedCheckpoint {
  readonly size: number
  readonly root: Buffer
  /** The signed note, with the witnesses' cosignatures once collected. */
  readonly note: string
  readonly signedAt: Date
  readonly cosignedBy: readonly string[]
}

interface Row {
  size: string
  root: Uint8Array
  note: string
  signed_at: Date
  cosigned_by: string[]
}

const toCheckpoint = (row: Row): ArchivedCheckpoint => ({
  size: Number(row.size),
  root: Buffer.from(row.root),
  note: row.note,
  signedAt: row.signed_at,
  cosignedBy: row.cosigned_by,
})

export async function latestCheckpoint(db: Executor): Promise<ArchivedCheckpoint | null> {
  const { rows } = await sql<Row>`
    select * from integrity.checkpoint order by size desc limit 1`.execute(db)
  return rows[0] ? toCheckpoint(rows[0]) : null
}

export async function checkpointAt(db: Db, size: number): Promise<ArchivedCheckpoint | null> {
  const { rows } = await sql<Row>`select * from integrity.checkpoint where size = ${size}`.execute(
    db,
  )
  return rows[0] ? toCheckpoint(rows[0]) : null
}

/** The last checkpoint signed on or before the end of a UTC day. */
export async function checkpointOfDay(db: Db, day: string): Promise<ArchivedCheckpoint | null> {
  const { rows } = await sql<Row>`
    select * from integrity.checkpoint
    where signed_at < (${day}::date + 1)::timestamp at time zone 'UTC'
    order by size desc limit 1`.execute(db)
  return rows[0] ? toCheckpoint(rows[0]) : null
}

export async function archiveCheckpoint(
  db: Executor,
  checkpoint: ArchivedCheckpoint,
): Promise<void> {
  await sql`insert into integrity.checkpoint (size, root, note, signed_at, cosigned_by)
    values (${checkpoint.size}, ${checkpoint.root}, ${checkpoint.note}, ${checkpoint.signedAt},
      ${[...checkpoint.cosignedBy]}::text[])
    on conflict (size) do nothing`.execute(db)
}

/**
 * Adds witnesses' cosignatures to an archived checkpoint, keeping those it has: the row is
 * locked, so two processes adding at once both keep theirs. Null when there is no such row.
 */
export async function addCosignatures(
  db: Db,
  size: number,
  signatures: readonly NoteSignature[],
  witnessUrls: readonly string[],
): Promise<ArchivedCheckpoint | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Row>`
      select * from integrity.checkpoint where size = ${size} for update`.execute(trx)
    if (!rows[0]) return null
    const stored = toCheckpoint(rows[0])
    const note = appendSignatures(stored.note, signatures)
    const cosignedBy = [...new Set([...stored.cosignedBy, ...witnessUrls])]
    await sql`update integrity.checkpoint set note = ${note}, cosigned_by = ${cosignedBy}::text[]
      where size = ${size}`.execute(trx)
    return { ...stored, note, cosignedBy }
  })
}
