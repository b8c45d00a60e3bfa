import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../db/index.js'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { keyStoreHistory } from './key-store.migrations.js'
import { openKeyStore } from './key-store.js'
import type { KeyStoreTables } from './key-store.tables.js'

describe.each(testBackends)('key store on %s', (backend) => {
  let database: TestDatabase
  const extra: Database[] = []
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((other) => other.close()))
    await database?.drop()
  })

  const open = async () => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    const masterKey = randomBytes(32)
    return { masterKey, store: await openKeyStore({ db: database.db, masterKey }) }
  }
  const rows = () =>
    database.db.withTables<KeyStoreTables>().selectFrom('keys.key').selectAll().execute()

  it('creates the active key on first use and returns the same key afterwards', async () => {
    const { store } = await open()
    const first = await store.activeKey('field', 'AES-256')
    const again = await store.activeKey('field', 'AES-256')
    expect(again.kid).toBe(first.kid)
    expect(first).toMatchObject({
      purpose: 'field',
      algorithm: 'AES-256',
      status: 'active',
      publicKey: null,
    })
    expect(first.secretKey.symmetricKeySize).toBe(32)
    expect(await rows()).toHaveLength(1)
  })

  it('rotates: a new active key, the old one retired but still readable by kid', async () => {
    const { store } = await open()
    const old = await store.activeKey('auth-jwt', 'Ed25519')
    const next = await store.rotate('auth-jwt')
    expect(next.kid).not.toBe(old.kid)
    expect(next.algorithm).toBe('Ed25519')
    expect((await store.activeKey('auth-jwt', 'Ed25519')).kid).toBe(next.kid)
    const all = await store.keys('auth-jwt')
    expect(all.map((k) => [k.kid, k.status])).toEqual([
      [next.kid, 'active'],
      [old.kid, 'retired'],
    ])
    const retired = await store.key(old.kid)
    expect(retired.secretKey.asymmetricKeyType).toBe('ed25519')
  })

  it('keeps secret material encrypted at rest', async () => {
    const { store } = await open()
    const aes = await store.activeKey('field', 'AES-256')
    const ec = await store.activeKey('sign', 'P-256')
    const raw = [
      aes.secretKey.export(),
      ec.secretKey.export({ format: 'der', type: 'pkcs8' }),
      Buffer.from(String(ec.secretKey.export({ format: 'jwk' }).d), 'base64url'),
    ]
    for (const row of await rows()) {
      expect(row.wrapped_secret).toMatch(/^w1\./)
      const stored = Buffer.from(row.wrapped_secret)
      for (const secret of raw) {
        for (const encoding of ['base64', 'base64url', 'hex'] as const) {
          expect(row.wrapped_secret).not.toContain(secret.toString(encoding).slice(0, 24))
        }
        expect(stored.includes(secret)).toBe(false)
      }
    }
  })

  it('refuses a wrong master key with an error that says what to do', async () => {
    await open()
    await expect(
      openKeyStore({ db: database.db, masterKey: randomBytes(32) }),
    ).rejects.toMatchObject({
      code: 'MOS-CRY-001',
      message: expect.stringContaining('master key does not match'),
      action: expect.stringContaining('MOSAIC_MASTER_KEY'),
    })
  })

  it('refuses a key record moved to another purpose', async () => {
    const { store, masterKey } = await open()
    const key = await store.activeKey('field', 'AES-256')
    await database.db
      .withTables<KeyStoreTables>()
      .updateTable('keys.key')
      .set({ purpose: 'hash', algorithm: 'HMAC-SHA256' })
      .where('kid', '=', key.kid)
      .execute()
    const fresh = await openKeyStore({ db: database.db, masterKey })
    await expect(fresh.key(key.kid)).rejects.toMatchObject({ code: 'MOS-CRY-005' })
  })

  it('rejects an algorithm other than the active key’s, and unknown kids', async () => {
    const { store } = await open()
    await store.activeKey('auth-jwt', 'Ed25519')
    await expect(store.activeKey('auth-jwt', 'P-256')).rejects.toMatchObject({
      code: 'MOS-CRY-004',
    })
    const switched = await store.rotate('auth-jwt', 'P-256')
    expect((await store.activeKey('auth-jwt', 'P-256')).kid).toBe(switched.kid)
    await expect(store.key('nope')).rejects.toMatchObject({ code: 'MOS-CRY-003' })
    await expect(store.activeKey('Bad Purpose', 'AES-256')).rejects.toMatchObject({
      code: 'MOS-CRY-008',
    })
  })

  it('ends with one active key when several stores use a purpose for the first time at once', async () => {
    const { masterKey } = await open()
    const handles = [database.db]
    if (database.url) {
      // Separate pools on PostgreSQL: as two processes would be.
      for (let i = 0; i < 2; i++) {
        const other = await openDatabase({ url: database.url, poolMax: 4 })
        extra.push(other)
        handles.push(other.db)
      }
    }
    const stores = await Promise.all(
      [...handles, ...handles].map((db) => openKeyStore({ db, masterKey })),
    )
    const keys = await Promise.all(stores.map((store) => store.activeKey('hash', 'HMAC-SHA256')))
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1)
    expect(await rows()).toHaveLength(1)

    const rotated = await Promise.all(stores.map((store) => store.rotate('hash')))
    expect(new Set(rotated.map((key) => key.kid)).size).toBe(stores.length)
    const active = (await rows()).filter((row) => row.status === 'active')
    expect(active).toHaveLength(1)
  })

  it('picks up a rotation made by another process once its cache expires', async () => {
    const { masterKey } = await open()
    const a = await openKeyStore({ db: database.db, masterKey, cacheTtlMs: 0 })
    const b = await openKeyStore({ db: database.db, masterKey, cacheTtlMs: 0 })
    const before = await a.activeKey('field', 'AES-256')
    const rotated = await b.rotate('field')
    expect(rotated.kid).not.toBe(before.kid)
    expect((await a.activeKey('field', 'AES-256')).kid).toBe(rotated.kid)
  })
})
