import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends, type TestDatabase } from '../db/test-database.js'
import { createFieldCipher } from './aes-field-cipher.js'
import { keyStoreHistory } from './key-store.migrations.js'
import { openKeyStore } from './key-store.js'
import { rewrapKeyStore } from './rewrap-key-store.js'

describe.each(testBackends)('master key change on %s', (backend) => {
  let database: TestDatabase
  afterEach(async () => database?.drop())

  it('re-wraps every key: data stays readable under the new master key only', async () => {
    database = await createTestDatabase(backend, [keyStoreHistory])
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const store = await openKeyStore({ db: database.db, masterKey: oldKey })
    const at = { recordId: 'r1', field: 'name' }
    const stored = await createFieldCipher(store).encrypt('Amina', at)
    await store.rotate('field')
    await store.activeKey('auth-jwt', 'Ed25519')

    await expect(rewrapKeyStore(database.db, randomBytes(32), newKey)).rejects.toMatchObject({
      code: 'MOS-CRY-001',
    })
    expect(await rewrapKeyStore(database.db, oldKey, newKey)).toBe(3)

    await expect(openKeyStore({ db: database.db, masterKey: oldKey })).rejects.toMatchObject({
      code: 'MOS-CRY-001',
    })
    const reopened = await openKeyStore({ db: database.db, masterKey: newKey })
    expect(await createFieldCipher(reopened).decrypt(stored, at)).toBe('Amina')
  })
})
