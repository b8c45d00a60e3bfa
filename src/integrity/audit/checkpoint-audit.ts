import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import { openNote, parseCheckpoint, type NoteVerifier } from '../note/index.js'
import type { AuditProgress, Findings } from './findings.js'

const page = 500
const hex = (b: Buffer) => b.toString('hex')

/** The sizes of every archived checkpoint, smallest first (the tree pass snapshots them). */
export async function checkpointSizes(db: Db): Promise<number[]> {
  const { rows } = await sql<{ size: string }>`
    select size from integrity.checkpoint order by size`.execute(db)
  return rows.map((row) => Number(row.size))
}

export interface CheckpointDeps {
  readonly db: Db
  readonly origin: string
  readonly verifier: NoteVerifier
  /** Witnesses whose cosignatures, where present, must verify. */
  readonly witnesses: readonly NoteVerifier[]
}

/**
 * Every archived checkpoint: the log's signature verifies, the note says what its row says, and
 * its root is the root recomputed from the entries at its size: a checkpoint over another tree
 * (a fork shown to someone) cannot pass.
 */
export async function auditCheckpoints(
  deps: CheckpointDeps,
  headSize: number,
  rootsAt: ReadonlyMap<number, Buffer>,
  findings: Findings,
  onProgress: AuditProgress,
): Promise<number> {
  const { db } = deps
  let checked = 0
  const total = (await checkpointSizes(db)).length
  for (let after = -1; ;) {
    const { rows } = await sql<{ size: string; root: Uint8Array; note: string }>`
      select size, root, note from integrity.checkpoint where size > ${after}
      order by size limit ${page}`.execute(db)
    if (rows.length === 0) break
    for (const row of rows) {
      const size = Number(row.size)
      checkOne(
        deps,
        { size, root: Buffer.from(row.root), note: row.note },
        headSize,
        rootsAt,
        findings,
      )
      after = size
      checked += 1
    }
    onProgress('checkpoints', checked, total)
  }
  return checked
}

function checkOne(
  deps: CheckpointDeps,
  row: { size: number; root: Buffer; note: string },
  headSize: number,
  rootsAt: ReadonlyMap<number, Buffer>,
  findings: Findings,
): void {
  const name = `checkpoint ${row.size}`
  let text: string
  try {
    text = openNote(row.note, [deps.verifier]).text
  } catch (error) {
    findings.add('checkpoint-signature', `${name}: ${(error as Error).message} (the log's key)`)
    return
  }
  if (deps.witnesses.length > 0) {
    try {
      openNote(row.note, [deps.verifier, ...deps.witnesses])
    } catch (error) {
      findings.add('cosignature-invalid', `${name}: ${(error as Error).message}`)
    }
  }
  let parsed
  try {
    parsed = parseCheckpoint(text)
  } catch (error) {
    findings.add('checkpoint-malformed', `${name}: ${(error as Error).message}`)
    return
  }
  if (parsed.origin !== deps.origin)
    findings.add(
      'checkpoint-malformed',
      `${name} names origin "${parsed.origin}", not "${deps.origin}"`,
    )
  if (parsed.size !== row.size || !parsed.rootHash.equals(row.root))
    findings.add(
      'checkpoint-malformed',
      `${name}: the signed note says size ${parsed.size} root ${hex(parsed.rootHash)}, its row size ${row.size} root ${hex(row.root)}`,
    )
  if (parsed.size > headSize) {
    findings.add('checkpoint-ahead', `${name} is beyond the log's size ${headSize}`)
    return
  }
  const recomputed = rootsAt.get(parsed.size)
  if (recomputed && !recomputed.equals(parsed.rootHash))
    findings.add(
      'checkpoint-inconsistent',
      `${name} is signed over root ${hex(parsed.rootHash)}, but the log's entries give ${hex(recomputed)} at size ${parsed.size}: not consistent with the log`,
    )
}
