import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { NoteError } from './note-error.js'

/**
 * Raw Ed25519 keys (RFC 8032 encodings) to and from node:crypto KeyObjects. The note formats
 * carry raw 32-byte keys; node:crypto speaks DER, whose Ed25519 forms are a fixed prefix
 * (RFC 8410) followed by those same 32 bytes.
 */

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

export const ed25519KeyBytes = 32
export const ed25519SignatureBytes = 64

/** The private key of a 32-byte seed (the form Go's note keys store). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== ed25519KeyBytes) throw new NoteError('an Ed25519 seed is 32 bytes')
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
}

export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ed25519KeyBytes) throw new NoteError('an Ed25519 public key is 32 bytes')
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
  } catch (cause) {
    throw new NoteError(`invalid Ed25519 public key: ${String(cause)}`)
  }
}

function assertEd25519(key: KeyObject, type: 'private' | 'public' | 'any'): void {
  if (key.asymmetricKeyType !== 'ed25519' || (type !== 'any' && key.type !== type)) {
    throw new NoteError(`expected an Ed25519 ${type === 'any' ? '' : `${type} `}key`)
  }
}

/** The raw 32-byte public key of an Ed25519 private or public KeyObject. */
export function ed25519RawPublicKey(key: KeyObject): Buffer {
  assertEd25519(key, 'any')
  const publicKey = key.type === 'private' ? createPublicKey(key) : key
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length)
}

/** The 32-byte seed of an Ed25519 private KeyObject, for `signerKeyString`. */
export function ed25519Seed(privateKey: KeyObject): Buffer {
  assertEd25519(privateKey, 'private')
  return privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length)
}

/** Checks a private key once, up front, rather than at its first signature. */
export function assertEd25519PrivateKey(key: KeyObject): void {
  assertEd25519(key, 'private')
}
