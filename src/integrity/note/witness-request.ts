import { assertSignedCheckpoint } from './checkpoint.js'
import {
  assertNoteChars,
  decodeHash,
  encodeHash,
  excerpt,
  formatDecimal,
  parseDecimal,
} from './note-codec.js'
import { NoteError } from './note-error.js'
import type { NoteSignature } from './note-key-id.js'
import { formatSignatureLine, parseSignatureLines } from './signed-note.js'

/**
 * Bodies of c2sp.org/tlog-witness `POST <prefix>/add-checkpoint`: the request (old size,
 * consistency proof, signed checkpoint), the 200 response (cosignature lines) and the
 * 409 response (the witness's latest size, `text/x.tlog.size`).
 */

/** A client must not send more than 63 consistency proof lines. */
export const maxConsistencyProofLines = 63
/** Content type the spec requires for the 409 Conflict body. */
export const tlogSizeContentType = 'text/x.tlog.size'
/** Not fixed by the spec: what Mosaic sends (and accepts) for the other note bodies. */
export const noteContentType = 'text/plain; charset=utf-8'

export interface AddCheckpointRequest {
  readonly oldSize: number
  /** RFC 6962 consistency proof from `oldSize` to the checkpoint's size; empty if oldSize is 0. */
  readonly proof: readonly Buffer[]
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string
}

const OLD_PREFIX = 'old '

export function formatAddCheckpoint(r: AddCheckpointRequest): string {
  if (r.proof.length > maxConsistencyProofLines) {
    throw new NoteError(`at most ${maxConsistencyProofLines} consistency proof lines`)
  }
  assertSignedCheckpoint(r.checkpoint)
  const lines = [
    `${OLD_PREFIX}${formatDecimal(r.oldSize, 'old size')}`,
    ...r.proof.map((hash) => encodeHash(hash, 'consistency proof line')),
  ]
  return `${lines.map((line) => `${line}\n`).join('')}\n${r.checkpoint}`
}

/**
 * Reads an add-checkpoint body strictly. Semantic checks (old size ≤ checkpoint size, an empty
 * proof for old size 0, the proof itself, the signatures) stay with the witness, which must
 * answer each with its own status.
 */
export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  assertNoteChars(body, 'add-checkpoint body')
  let at = body.indexOf('\n')
  if (at < 0) throw new NoteError('add-checkpoint body has no old size line')
  const oldLine = body.slice(0, at)
  if (!oldLine.startsWith(OLD_PREFIX)) {
    throw new NoteError(`add-checkpoint body starts with ${excerpt(oldLine)}, not "old "`)
  }
  const oldSize = parseDecimal(oldLine.slice(OLD_PREFIX.length), 'old size')
  const proof: Buffer[] = []
  for (;;) {
    const start = at + 1
    at = body.indexOf('\n', start)
    if (at < 0) throw new NoteError('add-checkpoint body has no blank line before the checkpoint')
    const line = body.slice(start, at)
    if (line === '') break
    if (proof.length === maxConsistencyProofLines) {
      throw new NoteError(`more than ${maxConsistencyProofLines} consistency proof lines`)
    }
    proof.push(decodeHash(line, `consistency proof line ${proof.length + 1}`))
  }
  const checkpoint = body.slice(at + 1)
  assertSignedCheckpoint(checkpoint)
  return { oldSize, proof, checkpoint }
}

/** 200 body: one or more cosignature lines for the submitted checkpoint. */
export function formatAddCheckpointResponse(signatures: readonly NoteSignature[]): string {
  if (signatures.length === 0) throw new NoteError('a witness returns at least one signature')
  return signatures.map(formatSignatureLine).join('')
}

/** Reads a 200 body. Verify the lines by appending them to the checkpoint and opening it. */
export function parseAddCheckpointResponse(body: string): NoteSignature[] {
  return parseSignatureLines(body)
}

/** 409 body: the size of the latest checkpoint the witness cosigned for the origin. */
export function formatSizeBody(n: number): string {
  return `${formatDecimal(n, 'tree size')}\n`
}

export function parseSizeBody(body: string): number {
  if (!body.endsWith('\n')) throw new NoteError('size body does not end with a newline')
  return parseDecimal(body.slice(0, -1), 'size body')
}
