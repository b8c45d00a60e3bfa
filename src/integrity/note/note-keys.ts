import { type KeyObject, sign, verify } from 'node:crypto'
import { cosignatureVerifier } from './cosignature.js'
import {
  assertEd25519PrivateKey,
  ed25519KeyBytes,
  ed25519PrivateKeyFromSeed,
  ed25519PublicKeyFromRaw,
  ed25519RawPublicKey,
  ed25519SignatureBytes,
} from './ed25519-keys.js'
import { assertKeyName, decodeBase64, excerpt, isValidKeyName } from './note-codec.js'
import { NoteError } from './note-error.js'
import {
  keyId,
  sigTypeCosignatureV1,
  sigTypeEd25519,
  type NoteSigner,
  type NoteVerifier,
} from './note-key-id.js'

const KEY_ID_HEX = /^[0-9a-f]{8}$/
const privateKeyPrefix = 'PRIVATE+KEY+'

export function ed25519Signer(name: string, privateKey: KeyObject): NoteSigner {
  assertEd25519PrivateKey(privateKey)
  return {
    name,
    keyId: keyId(name, sigTypeEd25519, ed25519RawPublicKey(privateKey)),
    sign: (message) => sign(null, message, privateKey),
  }
}

/** Verifies plain Ed25519 note signatures (type 0x01) by the 32-byte raw `publicKey`. */
export function ed25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = ed25519PublicKeyFromRaw(publicKey)
  return {
    name,
    keyId: keyId(name, sigTypeEd25519, publicKey),
    verify: (message, signature) =>
      signature.length === ed25519SignatureBytes && verify(null, message, key, signature),
  }
}

/** `name+hex(keyId)+base64(type || publicKey)`, the vkey of signed-note. */
export function verifierKeyString(name: string, type: number, publicKey: Uint8Array): string {
  const id = keyId(name, type, publicKey)
  return `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`
}

/**
 * Splits `name+hex8+base64` at its first two '+' only: the base64 part may hold '+' itself.
 * Checks the name and that the key id is the one derived from name, type and key.
 */
function splitKeyString(value: string, what: string) {
  const first = value.indexOf('+')
  const second = value.indexOf('+', first + 1)
  if (first < 0 || second < 0) throw new NoteError(`${what} is not name+id+key`)
  const name = value.slice(0, first)
  const idHex = value.slice(first + 1, second)
  if (!isValidKeyName(name)) throw new NoteError(`${what} has an invalid name ${excerpt(name)}`)
  if (!KEY_ID_HEX.test(idHex)) throw new NoteError(`${what} key id is not 8 lowercase hex digits`)
  const material = decodeBase64(value.slice(second + 1), `${what} key`)
  const type = material[0]
  if (type === undefined) throw new NoteError(`${what} has no key material`)
  const key = material.subarray(1)
  return { name, type, key, idHex }
}

function assertKeyId(name: string, type: number, key: Buffer, idHex: string, what: string): void {
  if (keyId(name, type, key).toString('hex') !== idHex) {
    throw new NoteError(`${what} key id does not match its name and key`)
  }
}

/** Reads a vkey of type 0x01 (Ed25519) or 0x04 (cosignature/v1); other types are refused. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const { name, type, key, idHex } = splitKeyString(vkey, 'verifier key')
  if (type !== sigTypeEd25519 && type !== sigTypeCosignatureV1) {
    throw new NoteError(`verifier key type 0x${type.toString(16).padStart(2, '0')} is unsupported`)
  }
  if (key.length !== ed25519KeyBytes) throw new NoteError('verifier key is not 32 bytes')
  assertKeyId(name, type, key, idHex, 'verifier key')
  return type === sigTypeEd25519 ? ed25519Verifier(name, key) : cosignatureVerifier(name, key)
}

/**
 * Go's (golang.org/x/mod/sumdb/note) private key string for Ed25519:
 * `PRIVATE+KEY+name+hex(keyId)+base64(0x01 || seed)`. Keep it secret; it is the whole key.
 */
export function signerKeyString(name: string, seed32: Uint8Array): string {
  assertKeyName(name)
  const publicKey = ed25519RawPublicKey(ed25519PrivateKeyFromSeed(seed32))
  const id = keyId(name, sigTypeEd25519, publicKey)
  const material = Buffer.concat([Buffer.from([sigTypeEd25519]), seed32]).toString('base64')
  return `${privateKeyPrefix}${name}+${id.toString('hex')}+${material}`
}

/**
 * Reads a key written by `signerKeyString` (or Go's GenerateKey). The private key is exposed too
 * so that one stored seed can also drive a `cosigner` (witness keys use type 0x04).
 */
export function parseSignerKey(
  skey: string,
): NoteSigner & { readonly publicKey: Buffer; readonly privateKey: KeyObject } {
  if (!skey.startsWith(privateKeyPrefix)) throw new NoteError('signer key lacks PRIVATE+KEY+')
  const { name, type, key, idHex } = splitKeyString(
    skey.slice(privateKeyPrefix.length),
    'signer key',
  )
  if (type !== sigTypeEd25519) throw new NoteError('signer key is not of type 0x01 (Ed25519)')
  if (key.length !== ed25519KeyBytes) throw new NoteError('signer key seed is not 32 bytes')
  const privateKey = ed25519PrivateKeyFromSeed(key)
  const publicKey = ed25519RawPublicKey(privateKey)
  assertKeyId(name, type, publicKey, idHex, 'signer key')
  return { ...ed25519Signer(name, privateKey), publicKey, privateKey }
}
