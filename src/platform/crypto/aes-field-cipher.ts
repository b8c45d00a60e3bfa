import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { z } from 'zod'
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
const contextSchema = z.object({
  recordId: z.string().min(1).max(200),
  field: z.string().min(1).max(100),
})
const KID = /^[A-Za-z0-9_-]{1,64}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

/**
 * FieldCipher on AES-256-GCM. Each value is `f1.<kid>.<iv>.<ciphertext+tag>` (base64url): the kid
 * names the data key, so values written before a rotation still decrypt. The AES key is derived
 * per record with HKDF-SHA256, and the record id and field are the GCM associated data.
 */
export function createFieldCipher(store: KeyStore, options: FieldCipherOptions = {}): FieldCipher {
  const purpose = options.purpose ?? 'field'

  return {
    async encrypt(plaintext, context) {
      const { recordId, field } = checkContext(context)
      const key = await store.activeKey(purpose, 'AES-256')
      const iv = randomBytes(IV_BYTES)
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

function checkContext(context: FieldContext): FieldContext {
  const parsed = contextSchema.safeParse(context)
  if (!parsed.success)
    throw cryptoErrors.invalidInput('field context (recordId 1-200, field 1-100 chars)')
  return parsed.data
}

function recordKey(key: StoredKey, recordId: string): Buffer {
  const info = JSON.stringify([`mosaic/field/${VERSION}`, recordId])
  return Buffer.from(hkdfSync('sha256', key.secretKey, Buffer.alloc(0), info, 32))
}

function associatedData(kid: string, recordId: string, field: string): Buffer {
  return Buffer.from(JSON.stringify([VERSION, kid, recordId, field]))
}
