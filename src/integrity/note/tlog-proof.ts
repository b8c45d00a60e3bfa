import { assertSignedCheckpoint } from './checkpoint.js'
import {
  assertNoteChars,
  decodeBase64,
  decodeHash,
  encodeHash,
  excerpt,
  formatDecimal,
  parseDecimal,
} from './note-codec.js'
import { NoteError } from './note-error.js'

/**
 * c2sp.org/tlog-proof@v1, the offline proof of inclusion (".tlog-proof" file): header line,
 * optional `extra <base64>`, `index <n>`, inclusion proof hashes, a blank line, then the
 * (cosigned) checkpoint note verbatim.
 */

export const tlogProofHeader = 'c2sp.org/tlog-proof@v1'
export const tlogProofExtension = '.tlog-proof'
/**
 * Not in the spec: an inclusion proof has one hash per tree level, and our sizes stay below
 * 2^53, so more lines than this are garbage (the same cap the witness protocol sets).
 */
export const maxInclusionProofLines = 63

export interface TlogProof {
  /** Opaque, unauthenticated application data; never trust it on its own. */
  readonly extra?: Buffer
  /** Zero-based index of the entry. */
  readonly index: number
  /** RFC 6962 inclusion proof, from the leaf's sibling up to the root's child. */
  readonly proof: readonly Buffer[]
  /** The signed (and usually cosigned) checkpoint note. */
  readonly checkpoint: string
}

const EXTRA_PREFIX = 'extra '
const INDEX_PREFIX = 'index '

export function formatTlogProof(p: TlogProof): string {
  if (p.proof.length > maxInclusionProofLines) {
    throw new NoteError(`at most ${maxInclusionProofLines} inclusion proof lines`)
  }
  // An empty extra would be written "extra " and is refused on reading: omit the line instead.
  if (p.extra !== undefined && p.extra.length === 0) {
    throw new NoteError('extra data is empty; leave it out')
  }
  assertSignedCheckpoint(p.checkpoint)
  const lines = [tlogProofHeader]
  if (p.extra !== undefined) lines.push(`${EXTRA_PREFIX}${p.extra.toString('base64')}`)
  lines.push(`${INDEX_PREFIX}${formatDecimal(p.index, 'index')}`)
  for (const hash of p.proof) lines.push(encodeHash(hash, 'inclusion proof line'))
  return `${lines.map((line) => `${line}\n`).join('')}\n${p.checkpoint}`
}

export function parseTlogProof(text: string): TlogProof {
  assertNoteChars(text, 'tlog proof')
  let at = -1
  const nextLine = (): string => {
    const start = at + 1
    at = text.indexOf('\n', start)
    if (at < 0) throw new NoteError('tlog proof ends before its checkpoint')
    return text.slice(start, at)
  }
  const header = nextLine()
  if (header !== tlogProofHeader) {
    throw new NoteError(`tlog proof starts with ${excerpt(header)}, not ${tlogProofHeader}`)
  }
  let line = nextLine()
  let extra: Buffer | undefined
  if (line.startsWith(EXTRA_PREFIX)) {
    const encoded = line.slice(EXTRA_PREFIX.length)
    if (encoded === '') throw new NoteError('tlog proof extra line is empty')
    extra = decodeBase64(encoded, 'tlog proof extra')
    line = nextLine()
  }
  if (!line.startsWith(INDEX_PREFIX)) {
    throw new NoteError(`expected "index <n>" in the tlog proof, got ${excerpt(line)}`)
  }
  const index = parseDecimal(line.slice(INDEX_PREFIX.length), 'index')
  const proof: Buffer[] = []
  for (line = nextLine(); line !== ''; line = nextLine()) {
    if (proof.length === maxInclusionProofLines) {
      throw new NoteError(`more than ${maxInclusionProofLines} inclusion proof lines`)
    }
    proof.push(decodeHash(line, `inclusion proof line ${proof.length + 1}`))
  }
  const checkpoint = text.slice(at + 1)
  assertSignedCheckpoint(checkpoint)
  return extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint }
}
