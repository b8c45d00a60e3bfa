import { createHash } from 'node:crypto'
import { assertKeyName } from './note-codec.js'
import { NoteError } from './note-error.js'

/** Signature type bytes of c2sp.org/signed-note that Mosaic speaks. */
export const sigTypeEd25519 = 0x01
/** Timestamped Ed25519 checkpoint cosignature (c2sp.org/tlog-cosignature, `cosignature/v1`). */
export const sigTypeCosignatureV1 = 0x04

export const keyIdBytes = 4

/** One signature line of a note: the key's name and id, and the signature bytes after the id. */
export interface NoteSignature {
  readonly name: string
  readonly keyId: Buffer
  readonly signature: Buffer
}

export interface NoteSigner {
  readonly name: string
  readonly keyId: Buffer
  /** Signs the note text (its UTF-8 bytes, final newline included). */
  sign(message: Buffer): Buffer
}

export interface NoteVerifier {
  readonly name: string
  readonly keyId: Buffer
  /** Whether `signature` (without the key id) is valid over the note text. */
  verify(message: Buffer, signature: Buffer): boolean
}

/** Key ID = SHA-256(name || 0x0A || type || public key)[:4], as signed-note recommends. */
export function keyId(name: string, type: number, publicKey: Uint8Array): Buffer {
  assertKeyName(name)
  if (!Number.isInteger(type) || type < 0 || type > 0xff) {
    throw new NoteError('a signature type is one byte')
  }
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, type]))
    .update(publicKey)
    .digest()
    .subarray(0, keyIdBytes)
}
