import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import type { Logger } from '../../platform/telemetry/index.js'
import { consistencyProof } from '../merkle/index.js'
import { formatCheckpoint, signNote, type NoteSignature } from '../note/index.js'
import { requestCosignature } from '../witness/witness-client.js'
import { readHead } from '../log/log-store.js'
import { storedNodeReader } from '../log/tile-reader.js'
import {
  addCosignatures,
  archiveCheckpoint,
  latestCheckpoint,
  type ArchivedCheckpoint,
} from './checkpoint-archive.js'
import type { LogIdentity } from './log-signer.js'

export interface WitnessEndpoint {
  readonly url: string
  readonly verifierKey: string
}

export interface PublisherDeps {
  readonly db: Db
  readonly log: LogIdentity
  readonly witnesses: readonly WitnessEndpoint[]
  readonly logger: Logger
}

/**
 * Signs a checkpoint for the current tree when it has grown since the last one (or when there
 * is none yet), archives it, then asks each witness to cosign it and publishes the cosigned
 * note. One process publishes at a time (an advisory lock); a witness that fails is logged and
 * asked again by `cosignLatest` or with the next checkpoint.
 */
export async function publishCheckpoint(deps: PublisherDeps): Promise<ArchivedCheckpoint | null> {
  const { db, log } = deps
  // Signing is serialised across processes by a transaction lock; witnesses are asked after
  // the commit, so a slow witness never holds the database.
  const signed = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('mosaic.integrity.publish')) as locked`.execute(trx)
    if (!rows[0]?.locked) return null
    const head = await readHead(trx)
    const latest = await latestCheckpoint(trx)
    if (latest && latest.size >= head.size) return null
    const body = formatCheckpoint({
      origin: log.origin,
      size: head.size,
      rootHash: head.root,
      extensions: [],
    })
    const checkpoint = {
      size: head.size,
      root: head.root,
      note: signNote(body, [log.signer]),
      signedAt: new Date(),
      cosignedBy: [],
    }
    await archiveCheckpoint(trx, checkpoint)
    return checkpoint
  })
  return signed && cosign(deps, signed, deps.witnesses)
}

/**
 * Asks the witnesses that have not cosigned the latest checkpoint again (one was down when it
 * was signed, say), so a quiet log does not stay uncosigned until its next change.
 */
export async function cosignLatest(deps: PublisherDeps): Promise<ArchivedCheckpoint | null> {
  const latest = await latestCheckpoint(deps.db)
  if (!latest) return null
  const missing = deps.witnesses.filter((witness) => !latest.cosignedBy.includes(witness.url))
  return missing.length === 0 ? latest : cosign(deps, latest, missing)
}

async function cosign(
  deps: PublisherDeps,
  checkpoint: ArchivedCheckpoint,
  witnesses: readonly WitnessEndpoint[],
): Promise<ArchivedCheckpoint> {
  const signatures: NoteSignature[] = []
  const cosignedBy: string[] = []
  for (const witness of witnesses) {
    try {
      const got = await askWitness(deps.db, witness, checkpoint)
      signatures.push(...got)
      cosignedBy.push(witness.url)
    } catch (error) {
      deps.logger.warn(
        { err: error, witness: witness.url, size: checkpoint.size },
        'a witness did not cosign the checkpoint',
      )
    }
  }
  if (signatures.length === 0) return checkpoint
  return (await addCosignatures(deps.db, checkpoint.size, signatures, cosignedBy)) ?? checkpoint
}

/** Sends the checkpoint with a proof from the witness's size, once more if it says otherwise. */
async function askWitness(
  db: Db,
  witness: WitnessEndpoint,
  checkpoint: ArchivedCheckpoint,
): Promise<NoteSignature[]> {
  const { rows } = await sql<{ size: string }>`
    select size from integrity.witness_state where url = ${witness.url}`.execute(db)
  let oldSize = Number(rows[0]?.size ?? 0)
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof =
      oldSize === 0 || oldSize >= checkpoint.size
        ? []
        : await consistencyProof(oldSize, checkpoint.size, storedNodeReader(db, checkpoint.size))
    const answer = await requestCosignature({
      url: witness.url,
      oldSize,
      proof,
      checkpoint: checkpoint.note,
      verifierKey: witness.verifierKey,
    })
    if ('conflict' in answer) {
      oldSize = answer.conflict
      continue
    }
    await sql`insert into integrity.witness_state (url, size, updated_at)
      values (${witness.url}, ${checkpoint.size}, now())
      on conflict (url) do update set size = excluded.size, updated_at = now()`.execute(db)
    return answer.cosignatures
  }
  throw new Error(`the witness at ${witness.url} disagrees about its size twice`)
}
