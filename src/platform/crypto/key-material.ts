import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto'
import type { KeyAlgorithm } from './key-algorithm.js'

/** A key's bytes as stored: the secret part (PKCS#8 DER or raw) and the SPKI DER public key. */
export interface KeyBytes {
  readonly secret: Buffer
  readonly publicKey: Buffer | null
}

/** A key ready for Node's crypto functions. */
export interface KeyObjects {
  /** Private key (Ed25519, P-256) or secret key (AES-256, HMAC-SHA256). */
  readonly secretKey: KeyObject
  readonly publicKey: KeyObject | null
}

/** Generates fresh key material for `algorithm` from the OS random source. */
export function generateKeyBytes(algorithm: KeyAlgorithm): KeyBytes {
  switch (algorithm) {
    case 'Ed25519':
    case 'P-256': {
      const pair =
        algorithm === 'Ed25519'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('ec', { namedCurve: 'P-256' })
      return {
        secret: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
        publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }),
      }
    }
    case 'AES-256':
    case 'HMAC-SHA256':
      return { secret: randomBytes(32), publicKey: null }
  }
}

/** Turns stored bytes back into KeyObjects. */
export function toKeyObjects(algorithm: KeyAlgorithm, bytes: KeyBytes): KeyObjects {
  if (algorithm === 'AES-256' || algorithm === 'HMAC-SHA256') {
    return { secretKey: createSecretKey(bytes.secret), publicKey: null }
  }
  const secretKey = createPrivateKey({ key: bytes.secret, format: 'der', type: 'pkcs8' })
  const publicKey = bytes.publicKey
    ? createPublicKey({ key: bytes.publicKey, format: 'der', type: 'spki' })
    : createPublicKey(secretKey)
  return { secretKey, publicKey }
}
