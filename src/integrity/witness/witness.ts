import { emptyRoot, ProofError, verifyConsistency } from '../merkle/index.js'
import {
  type AddCheckpointRequest,
  type Checkpoint,
  decodeNoteBytes,
  formatAddCheckpointResponse,
  formatSignatureLine,
  NoteError,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  parseAddCheckpoint,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
} from '../note/index.js'
import { witnessErrors } from './witness-errors.js'
import type { WitnessState } from './witness-state.js'

/**
 * The add-checkpoint decision of c2sp.org/tlog-witness, without HTTP: checks a log's new
 * checkpoint against what this witness last cosigned for it, records it, and cosigns it.
 * Every refusal is an AppError whose status is the one the spec prescribes.
 */

/** A log this witness vouches for: its origin line and the vkey(s) its checkpoints carry. */
export interface WitnessLog {
  readonly origin: string
  readonly verifierKeys: readonly string[]
}

/** Where the witness reports what it refused; a fork attempt is an `error`. */
export type WitnessLogger = {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface WitnessConfig {
  /** A cosignature/v1 signer (type 0x04), named after the witness. */
  readonly signer: NoteSigner
  readonly logs: readonly WitnessLog[]
  readonly logger?: WitnessLogger
}

export type { AddCheckpointRequest } from '../note/index.js'

export interface AddCheckpointResult {
  /** The cosignature line(s), each `— <name> <base64>\n`: the 200 response body. */
  readonly body: string
  readonly cosignatures: readonly NoteSignature[]
  readonly checkpoint: Checkpoint
}

const silent: WitnessLogger = { info() {}, warn() {}, error() {} }
const verifierCache = new WeakMap<readonly WitnessLog[], Map<string, NoteVerifier[]>>()

/** The verifiers of each origin, parsed once per logs list. */
export function logVerifiers(logs: readonly WitnessLog[]): Map<string, NoteVerifier[]> {
  let byOrigin = verifierCache.get(logs)
  if (!byOrigin) {
    byOrigin = new Map()
    for (const log of logs) {
      const verifiers = byOrigin.get(log.origin) ?? []
      verifiers.push(...log.verifierKeys.map((vkey) => parseVerifierKey(vkey)))
      byOrigin.set(log.origin, verifiers)
    }
    verifierCache.set(logs, byOrigin)
  }
  return byOrigin
}

/** Reads an add-checkpoint body; anything malformed is a 400. */
export function parseAddCheckpointBody(body: string | Buffer): AddCheckpointRequest {
  try {
    return parseAddCheckpoint(typeof body === 'string' ? body : decodeNoteBytes(body))
  } catch (error) {
    if (error instanceof NoteError) throw witnessErrors.malformed(error.message, error)
    throw error
  }
}

/**
 * Checks and cosigns one checkpoint. The old size check, the consistency check and the write
 * of the new size run under the origin's lock, so no two requests can roll the state back.
 */
export async function addCheckpoint(
  request: AddCheckpointRequest | string | Buffer,
  state: WitnessState,
  config: WitnessConfig,
): Promise<AddCheckpointResult> {
  const log = config.logger ?? silent
  const {
    oldSize,
    proof,
    checkpoint: noteText,
  } = typeof request === 'string' || Buffer.isBuffer(request)
    ? parseAddCheckpointBody(request)
    : request

  const { note, checkpoint } = readCheckpoint(noteText)
  const { origin, size, rootHash } = checkpoint
  const verifiers = logVerifiers(config.logs).get(origin)
  if (!verifiers) throw witnessErrors.unknownOrigin(origin)
  let logSignatures: readonly NoteSignature[]
  try {
    logSignatures = openNote(noteText, verifiers).verified
  } catch (error) {
    if (error instanceof NoteError) throw witnessErrors.notSignedByLog(origin, error.message)
    throw error
  }

  if (oldSize > size) {
    throw witnessErrors.malformed(`old size ${oldSize} is larger than the checkpoint's ${size}`)
  }
  if (size === 0 && !rootHash.equals(emptyRoot)) {
    throw witnessErrors.inconsistent(origin, 'a tree of size 0 has the empty root hash')
  }
  if (oldSize === 0 && proof.length > 0) {
    throw witnessErrors.inconsistent(origin, 'a proof from size 0 must be empty')
  }

  return state.withOrigin(origin, async () => {
    const known = state.get(origin)
    const knownSize = known?.size ?? 0
    const forked = known !== undefined && size === known.size && !rootHash.equals(known.rootHash)
    if (forked) {
      // Two validly signed trees of one size: proof the log forked, whatever else is asked.
      log.error(
        { origin, size, knownRoot: known.rootHash.toString('base64'), checkpoint: noteText },
        'FORK: the log signed two different trees of the same size',
      )
    }
    if (oldSize !== knownSize) throw witnessErrors.conflict(knownSize, origin)
    if (known && oldSize > 0) {
      if (forked) throw witnessErrors.inconsistent(origin, `a different root hash at size ${size}`)
      try {
        verifyConsistency(known.size, size, proof, known.rootHash, rootHash)
      } catch (error) {
        if (!(error instanceof ProofError)) throw error
        log.warn(
          { origin, oldSize, size, reason: error.reason, checkpoint: noteText },
          'refused a checkpoint whose consistency proof does not verify',
        )
        throw witnessErrors.inconsistent(origin, error.message)
      }
    }

    const cosignatures = cosign(note.text, config.signer)
    const body = formatAddCheckpointResponse(cosignatures)
    const kept = [...logSignatures, ...cosignatures].map((s) => formatSignatureLine(s)).join('')
    // Persist before answering: a cosignature must never outlive the record it vouches for.
    await state.put(origin, { size, rootHash, checkpoint: `${note.text}\n${kept}` })
    log.info({ origin, oldSize, size }, 'cosigned a checkpoint')
    return { body, cosignatures, checkpoint }
  })
}

function readCheckpoint(noteText: string) {
  try {
    const note = parseNote(noteText)
    return { note, checkpoint: parseCheckpoint(note.text) }
  } catch (error) {
    if (error instanceof NoteError) throw witnessErrors.malformed(error.message, error)
    throw error
  }
}

function cosign(text: string, signer: NoteSigner): NoteSignature[] {
  const signature = signer.sign(Buffer.from(text, 'utf8'))
  return [{ name: signer.name, keyId: signer.keyId, signature }]
}
