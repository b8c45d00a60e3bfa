import { randomBytes } from 'node:crypto'
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

  it('uses a fresh IV per value', async () => {
    await open()
    const a = await cipher.encrypt('same', at)
    const b = await cipher.encrypt('same', at)
    expect(a).not.toBe(b)
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
