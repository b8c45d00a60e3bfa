import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { cryptoErrors } from './errors.js'
import type { FieldCipher, FieldContext } from './field-cipher.js'
import type { KeyStore, StoredKey } from './key-store.js'

export interface FieldCipherOptions {
  /** Key-store purpose of the data keys (default `field`). */
  purpose?: string
}

const VERSION = 'f1'
const IV_BYTES = 12
const TAG_BYTES = 16
/** Derived record keys kept for reuse: a record's fields are usually encrypted together. */
const RECORD_KEYS_CACHED = 256
/** Random bytes drawn at once and cut into nonces: one CSPRNG call per 256 nonces. */
const NONCE_POOL_BYTES = IV_BYTES * 256
const KID = /^[A-Za-z0-9_-]{1,64}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

/**
 * FieldCipher on AES-256-GCM. Each value is `f1.<kid>.<iv>.<ciphertext+tag>` (base64url): the kid
 * names the data key, so values written before a rotation still decrypt. The AES key is derived
 * per record with HKDF-SHA256, and the record id and field are the GCM associated data.
 */
export function createFieldCipher(store: KeyStore, options: FieldCipherOptions = {}): FieldCipher {
  const purpose = options.purpose ?? 'field'
  const recordKeys = new Map<string, Buffer>()
  const extracted = new Map<string, Buffer>()
  const recordKey = (key: StoredKey, recordId: string): Buffer => {
    const id = `${key.kid}\u0000${recordId}`
    let derived = recordKeys.get(id)
    if (derived) {
      recordKeys.delete(id)
    } else {
      let prk = extracted.get(key.kid)
      if (!prk) {
        prk = hkdfExtract(key)
        extracted.set(key.kid, prk)
      }
      derived = hkdfExpand(prk, recordId)
      if (recordKeys.size >= RECORD_KEYS_CACHED) {
        const oldest = recordKeys.keys().next().value
        if (oldest !== undefined) recordKeys.delete(oldest)
      }
    }
    recordKeys.set(id, derived)
    return derived
  }
  let noncePool = Buffer.alloc(0)
  let nonceOffset = 0
  const nextNonce = (): Buffer => {
    if (nonceOffset + IV_BYTES > noncePool.length) {
      // A fresh buffer each time: nonces already handed out stay views of the old one.
      noncePool = randomBytes(NONCE_POOL_BYTES)
      nonceOffset = 0
    }
    nonceOffset += IV_BYTES
    return noncePool.subarray(nonceOffset - IV_BYTES, nonceOffset)
  }

  return {
    async encrypt(plaintext, context) {
      const { recordId, field } = checkContext(context)
      const key = await store.activeKey(purpose, 'AES-256')
      const iv = nextNonce()
      const cipher = createCipheriv('aes-256-gcm', recordKey(key, recordId), iv)
      cipher.setAAD(associatedData(key.kid, recordId, field))
      const body = Buffer.concat([
        cipher.update(plaintext, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ])
      return [VERSION, key.kid, iv.toString('base64url'), body.toString('base64url')].join('.')
    },

    async decrypt(ciphertext, context) {
      const { recordId, field } = checkContext(context)
      const parts = ciphertext.split('.')
      const [version, kid, iv, body] = parts
      if (
        parts.length !== 4 ||
        version !== VERSION ||
        !kid ||
        !KID.test(kid) ||
        !iv ||
        !BASE64URL.test(iv) ||
        !body ||
        !BASE64URL.test(body)
      ) {
        throw cryptoErrors.ciphertextMalformed()
      }
      const ivBytes = Buffer.from(iv, 'base64url')
      const bodyBytes = Buffer.from(body, 'base64url')
      if (ivBytes.length !== IV_BYTES || bodyBytes.length < TAG_BYTES) {
        throw cryptoErrors.ciphertextMalformed()
      }
      const key = await store.key(kid)
      if (key.purpose !== purpose || key.algorithm !== 'AES-256') {
        throw cryptoErrors.keyUnusable(
          kid,
          `it is a ${key.purpose} ${key.algorithm} key, not a ${purpose} data key`,
        )
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', recordKey(key, recordId), ivBytes)
        decipher.setAAD(associatedData(kid, recordId, field))
        decipher.setAuthTag(bodyBytes.subarray(-TAG_BYTES))
        const plain = Buffer.concat([
          decipher.update(bodyBytes.subarray(0, -TAG_BYTES)),
          decipher.final(),
        ])
        return plain.toString('utf8')
      } catch {
        throw cryptoErrors.decryptionFailed()
      }
    },
  }
}

// Checked by hand rather than with a schema: this runs for every field of every record.
function checkContext(context: FieldContext): FieldContext {
  const { recordId, field } = context
  if (
    typeof recordId !== 'string' ||
    typeof field !== 'string' ||
    recordId.length < 1 ||
    recordId.length > 200 ||
    field.length < 1 ||
    field.length > 100
  )
    throw cryptoErrors.invalidInput('field context (recordId 1-200, field 1-100 chars)')
  return context
}

/*
 * The record key is HKDF-SHA256 (RFC 5869) of the data key, empty salt, info naming the record,
 * 32 bytes. Written out as its two HMAC steps because the extract step depends on the data key
 * alone, so it is done once per key; Node's hkdfSync would redo it for every record.
 */
function hkdfExtract(key: StoredKey): Buffer {
  return createHmac('sha256', Buffer.alloc(32)).update(key.secretKey.export()).digest()
}

function hkdfExpand(prk: Buffer, recordId: string): Buffer {
  const info = JSON.stringify([`mosaic/field/${VERSION}`, recordId])
  return createHmac('sha256', prk).update(info, 'utf8').update(Buffer.of(1)).digest()
}

function associatedData(kid: string, recordId: string, field: string): Buffer {
  return Buffer.from(JSON.stringify([VERSION, kid, recordId, field]))
}
