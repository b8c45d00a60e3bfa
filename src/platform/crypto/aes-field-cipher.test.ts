import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { createFieldCipher } from './aes-field-cipher.js'
import type { FieldCipher } from './field-cipher.js'
import { keyStoreHistory } from './key-store.migrations.js'
import { type KeyStore, openKeyStore } from './key-store.js'

const at = { recordId: 'msg-0001', field: 'recipient' }

describe.each(testBackends)('field cipher on %s', (backend) => {
  let database: TestDatabase
  let store: KeyStore
  let cipher: FieldCipher
  let masterKey: Buffer
  afterEach(async () => database?.drop())

  const open = async () => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    masterKey = randomBytes(32)
    store = await openKeyStore({ db: database.db, masterKey })
    cipher = createFieldCipher(store)
  }

  it('round-trips text, including empty and non-Latin values', async () => {
    await open()
    for (const value of ['+254700000001', '', 'Ñandú 名前 👩🏽‍⚕️', 'x'.repeat(10_000)]) {
      const stored = await cipher.encrypt(value, at)
      expect(stored).toMatch(/^f1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      expect(stored).not.toContain(value || '\u0000')
      expect(await cipher.decrypt(stored, at)).toBe(value)
    }
  })

  it('uses a fresh IV per value, across refills of its nonce pool', async () => {
    await open()
    const ivs = new Set<string>()
    for (let i = 0; i < 1_000; i++) ivs.add((await cipher.encrypt('same', at)).split('.')[2] ?? '')
    expect(ivs.size).toBe(1_000)
  })

  it('derives record keys with standard HKDF-SHA256, so stored values stay readable', async () => {
    await open()
    // A value sealed independently with Node's own HKDF, in the documented layout.
    const key = await store.activeKey('field', 'AES-256')
    const recordKey = hkdfSync(
      'sha256',
      key.secretKey,
      Buffer.alloc(0),
      JSON.stringify(['mosaic/field/f1', at.recordId]),
      32,
    )
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(recordKey), iv)
    cipher.setAAD(Buffer.from(JSON.stringify(['f1', key.kid, at.recordId, at.field])))
    const body = Buffer.concat([
      cipher.update('+254700000001', 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ])
    const stored = ['f1', key.kid, iv.toString('base64url'), body.toString('base64url')].join('.')
    expect(await createFieldCipher(store).decrypt(stored, at)).toBe('+254700000001')
  })

  it('keeps each record under its own key while reusing derived keys', async () => {
    await open()
    // More records than the derived-key cache holds, so early keys are evicted and derived again.
    const records = Array.from({ length: 600 }, (_, i) => ({ recordId: `rec-${i}`, field: 'f' }))
    const stored = []
    for (const context of records) stored.push(await cipher.encrypt(context.recordId, context))
    for (const [i, context] of records.entries())
      expect(await cipher.decrypt(stored[i] ?? '', context)).toBe(context.recordId)
    await expect(cipher.decrypt(stored[0] ?? '', records[1] ?? at)).rejects.toThrow()
    // A fresh cipher (no cache) reads what the cached one wrote.
    expect(await createFieldCipher(store).decrypt(stored[599] ?? '', records[599] ?? at)).toBe(
      'rec-599',
    )
  })

  it('detects a changed ciphertext, another record and another field', async () => {
    await open()
    const stored = await cipher.encrypt('+254700000001', at)
    const [version, kid, iv, body] = stored.split('.') as [string, string, string, string]
    const bytes = Buffer.from(body, 'base64url')
    bytes[0] = (bytes[0] ?? 0) ^ 1
    const tampered = [version, kid, iv, bytes.toString('base64url')].join('.')
    const failed = { code: 'MOS-CRY-007', message: expect.stringContaining('altered') }
    await expect(cipher.decrypt(tampered, at)).rejects.toMatchObject(failed)
    await expect(cipher.decrypt(stored, { ...at, recordId: 'msg-0002' })).rejects.toMatchObject(
      failed,
    )
    await expect(cipher.decrypt(stored, { ...at, field: 'sender' })).rejects.toMatchObject(failed)
    const otherIv = [version, kid, randomBytes(12).toString('base64url'), body].join('.')
    await expect(cipher.decrypt(otherIv, at)).rejects.toMatchObject(failed)
  })

  it('rejects values that are not ciphertexts, and unknown keys', async () => {
    await open()
    await expect(cipher.decrypt('+254700000001', at)).rejects.toMatchObject({ code: 'MOS-CRY-006' })
    await expect(cipher.decrypt('f1.a.b', at)).rejects.toMatchObject({ code: 'MOS-CRY-006' })
    const stored = await cipher.encrypt('x', at)
    const [, , iv, body] = stored.split('.')
    await expect(cipher.decrypt(`f1.unknownkid.${iv}.${body}`, at)).rejects.toMatchObject({
      code: 'MOS-CRY-003',
    })
    await expect(cipher.encrypt('x', { recordId: '', field: 'f' })).rejects.toMatchObject({
      code: 'MOS-CRY-008',
    })
  })

  it('decrypts values written before a rotation and encrypts new ones under the new key', async () => {
    await open()
    const old = await cipher.encrypt('before', at)
    const rotated = await store.rotate('field')
    const fresh = await cipher.encrypt('after', at)
    expect(fresh.split('.')[1]).toBe(rotated.kid)
    expect(old.split('.')[1]).not.toBe(rotated.kid)
    expect(await cipher.decrypt(old, at)).toBe('before')
    expect(await cipher.decrypt(fresh, at)).toBe('after')
  })

  it('decrypts with another store instance on the same database (another process)', async () => {
    await open()
    const stored = await cipher.encrypt('portable', at)
    const other = createFieldCipher(await openKeyStore({ db: database.db, masterKey }))
    expect(await other.decrypt(stored, at)).toBe('portable')
  })
})
