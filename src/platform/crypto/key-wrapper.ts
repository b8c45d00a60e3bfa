import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto'
import type { KeyAlgorithm } from './key-algorithm.js'

/** What a wrapped secret is bound to: moving it to another key record makes it fail to unwrap. */
export interface KeyBinding {
  readonly kid: string
  readonly purpose: string
  readonly algorithm: KeyAlgorithm
}

/** Encrypts key material at rest under the master key (AES-256-GCM). */
export interface KeyWrapper {
  /** Identifies the master key without revealing it; stored once per key store. */
  readonly fingerprint: string
  wrap(secret: Buffer, binding: KeyBinding): string
  /** Returns null when the value was altered, moved, or wrapped under another master key. */
  unwrap(wrapped: string, binding: KeyBinding): Buffer | null
}

const VERSION = 'w1'

/**
 * Derives separate keys for wrapping and for the fingerprint (HKDF-SHA256), so the value we
 * store to recognise the master key is unrelated to the key that encrypts.
 */
export function createKeyWrapper(masterKey: Buffer): KeyWrapper {
  if (masterKey.length !== 32) throw new RangeError('The master key must be 32 bytes')
  const wrapKey = derive(masterKey, 'mosaic/key-store/wrap/v1')
  const checkKey = derive(masterKey, 'mosaic/key-store/check/v1')
  const fingerprint = createHmac('sha256', checkKey).update('master-key-fingerprint').digest('hex')

  return {
    fingerprint,
    wrap(secret, binding) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', wrapKey, iv)
      cipher.setAAD(associatedData(binding))
      const body = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()])
      return [VERSION, iv.toString('base64url'), body.toString('base64url')].join('.')
    },
    unwrap(wrapped, binding) {
      const [version, iv, body, ...rest] = wrapped.split('.')
      if (version !== VERSION || !iv || !body || rest.length > 0) return null
      const ivBytes = Buffer.from(iv, 'base64url')
      const bodyBytes = Buffer.from(body, 'base64url')
      if (ivBytes.length !== 12 || bodyBytes.length < 17) return null
      try {
        const decipher = createDecipheriv('aes-256-gcm', wrapKey, ivBytes)
        decipher.setAAD(associatedData(binding))
        decipher.setAuthTag(bodyBytes.subarray(-16))
        return Buffer.concat([decipher.update(bodyBytes.subarray(0, -16)), decipher.final()])
      } catch {
        return null
      }
    },
  }
}

function derive(masterKey: Buffer, info: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32)))
}

function associatedData(binding: KeyBinding): Buffer {
  return Buffer.from(JSON.stringify([VERSION, binding.kid, binding.purpose, binding.algorithm]))
}
