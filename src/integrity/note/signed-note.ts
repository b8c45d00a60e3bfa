import { assertKeyName, assertNoteChars, decodeBase64, excerpt, splitLines } from './note-codec.js'
import { NoteError } from './note-error.js'
import {
  keyIdBytes,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
} from './note-key-id.js'

export { NoteError, type NoteErrorKind } from './note-error.js'
export {
  keyId,
  sigTypeCosignatureV1,
  sigTypeEd25519,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
} from './note-key-id.js'
export {
  ed25519Signer,
  ed25519Verifier,
  parseSignerKey,
  parseVerifierKey,
  signerKeyString,
  verifierKeyString,
} from './note-keys.js'

/**
 * c2sp.org/signed-note: text ending in a newline, a blank line, then lines
 * `— <key name> base64(key id || signature)`. The spec asks verifiers to cap a note yet accept at
 * least 16 signatures, of up to ~5 kB each for post-quantum keys; these caps leave ample room.
 */
export const maxNoteSignatures = 100
export const maxNoteBytes = 1 << 20

/** U+2014 EM DASH and a space open every signature line (a hyphen-minus does not). */
const SIG_PREFIX = '\u2014 '

function assertSize(note: string): void {
  if (Buffer.byteLength(note, 'utf8') > maxNoteBytes) {
    throw new NoteError(`a note is at most ${maxNoteBytes} bytes`)
  }
}

/**
 * UTF-8 bytes (an HTTP body, a file) to note text, refusing invalid UTF-8 rather than letting it
 * become U+FFFD, which would change the signed bytes.
 */
export function decodeNoteBytes(bytes: Uint8Array): string {
  if (bytes.length > maxNoteBytes) throw new NoteError(`a note is at most ${maxNoteBytes} bytes`)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new NoteError('a note is not valid UTF-8')
  }
}

export function formatSignatureLine(sig: NoteSignature): string {
  assertKeyName(sig.name)
  if (sig.keyId.length !== keyIdBytes) throw new NoteError('a key id is 4 bytes')
  if (sig.signature.length === 0) throw new NoteError('a signature is not empty')
  const bytes = Buffer.concat([sig.keyId, sig.signature])
  return `${SIG_PREFIX}${sig.name} ${bytes.toString('base64')}\n`
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIG_PREFIX)) {
    throw new NoteError(`signature line does not start with "— ": ${excerpt(line)}`)
  }
  const rest = line.slice(SIG_PREFIX.length)
  const space = rest.indexOf(' ')
  if (space < 0) throw new NoteError(`signature line has no signature: ${excerpt(line)}`)
  const name = rest.slice(0, space)
  assertKeyName(name)
  const bytes = decodeBase64(rest.slice(space + 1), `signature of ${excerpt(name)}`)
  if (bytes.length <= keyIdBytes) throw new NoteError(`signature of ${excerpt(name)} is too short`)
  return {
    name,
    keyId: Buffer.from(bytes.subarray(0, keyIdBytes)),
    signature: Buffer.from(bytes.subarray(keyIdBytes)),
  }
}

/**
 * A block of signature lines, each ending in a newline (the tail of a note, or the body a
 * witness returns from add-checkpoint).
 */
export function parseSignatureLines(block: string): NoteSignature[] {
  assertNoteChars(block, 'signature lines')
  const lines = block === '' ? [] : splitLines(block, 'signature lines')
  if (lines.length === 0) throw new NoteError('a note has at least one signature')
  if (lines.length > maxNoteSignatures) {
    throw new NoteError(`a note has at most ${maxNoteSignatures} signatures`)
  }
  return lines.map(parseSignatureLine)
}

/** Splits a signed note at its last blank line, checking the whole note's characters. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  assertSize(note)
  assertNoteChars(note, 'note')
  const blank = note.lastIndexOf('\n\n')
  if (blank < 0) throw new NoteError('a note has no blank line before its signatures')
  return { text: note.slice(0, blank + 1), signatures: parseSignatureLines(note.slice(blank + 2)) }
}

function assertText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('note text must end with a newline')
  assertNoteChars(text, 'note text')
}

function serialize(text: string, signatures: readonly NoteSignature[]): string {
  if (signatures.length === 0) throw new NoteError('a note has at least one signature')
  if (signatures.length > maxNoteSignatures) {
    throw new NoteError(`a note has at most ${maxNoteSignatures} signatures`)
  }
  const note = `${text}\n${signatures.map(formatSignatureLine).join('')}`
  assertSize(note)
  return note
}

/**
 * Signs `text` with each signer. The text may hold blank lines and lines starting with "— ":
 * the last blank line of a note always separates text from signatures, so nothing is ambiguous.
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertText(text)
  const message = Buffer.from(text, 'utf8')
  const signatures = signers.map((signer) => ({
    name: signer.name,
    keyId: signer.keyId,
    signature: signer.sign(message),
  }))
  return serialize(text, signatures)
}

const lineKey = (sig: NoteSignature): string =>
  `${sig.name} ${sig.keyId.toString('hex')} ${sig.signature.toString('hex')}`

/** Adds signature lines (e.g. a witness's cosignatures) after the note's own, once each. */
export function appendSignatures(note: string, signatures: readonly NoteSignature[]): string {
  const parsed = parseNote(note)
  const all = [...parsed.signatures]
  const seen = new Set(all.map(lineKey))
  for (const sig of signatures) {
    if (seen.has(lineKey(sig))) continue
    seen.add(lineKey(sig))
    all.push(sig)
  }
  return serialize(parsed.text, all)
}

const sameKey = (sig: NoteSignature, verifier: NoteVerifier): boolean =>
  sig.name === verifier.name && sig.keyId.equals(verifier.keyId)

/**
 * Verifies a note against trusted keys. Every signature whose name and key id both match a
 * verifier must verify, or the note is refused (kind `badSignature`); signatures of other keys
 * are returned unverified; a note with no verified signature is refused (kind `unverified`).
 * Repeated identical lines count once.
 */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
): { text: string; verified: NoteSignature[]; unverified: NoteSignature[] } {
  const { text, signatures } = parseNote(note)
  const message = Buffer.from(text, 'utf8')
  const verified: NoteSignature[] = []
  const unverified: NoteSignature[] = []
  const seen = new Set<string>()
  for (const sig of signatures) {
    if (seen.has(lineKey(sig))) continue
    seen.add(lineKey(sig))
    const known = verifiers.filter((verifier) => sameKey(sig, verifier))
    if (known.length === 0) {
      unverified.push(sig)
    } else if (known.some((verifier) => verifier.verify(message, sig.signature))) {
      verified.push(sig)
    } else {
      throw new NoteError(`bad signature from ${sig.name}`, 'badSignature')
    }
  }
  if (verified.length === 0) throw new NoteError('no signature from a known key', 'unverified')
  return { text, verified, unverified }
}
