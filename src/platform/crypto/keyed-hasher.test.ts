import { createHmac, randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { keyStoreHistory } from './key-store.migrations.js'
import { openKeyStore } from './key-store.js'
import { createKeyedHasher } from './keyed-hasher.js'

describe.each(testBackends)('keyed hasher on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('gives the same hash in every process and different hashes per purpose', async () => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    const masterKey = randomBytes(32)
    const a = createKeyedHasher(await openKeyStore({ db: database.db, masterKey }))
    const b = createKeyedHasher(await openKeyStore({ db: database.db, masterKey }))
    const uin = '2345678901'
    const hash = await a.hash(uin)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await b.hash(uin)).toBe(hash)
    expect(await a.hash('2345678902')).not.toBe(hash)
    // Keyed: not the plain SHA-256 of the value, so a dictionary of UINs does not reverse it.
    expect(hash).not.toBe(createHmac('sha256', '').update(uin).digest('hex'))
    const phones = createKeyedHasher(await openKeyStore({ db: database.db, masterKey }), {
      purpose: 'hash-phone',
    })
    expect(await phones.hash(uin)).not.toBe(hash)
  })

  it('changes hashes on rotation and still offers the old ones for lookups', async () => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    const store = await openKeyStore({ db: database.db, masterKey: randomBytes(32) })
    const hasher = createKeyedHasher(store)
    const before = await hasher.hash('2345678901')
    await store.rotate('hash')
    const after = await hasher.hash('2345678901')
    expect(after).not.toBe(before)
    expect(await hasher.lookupHashes('2345678901')).toEqual([after, before])
  })
})
