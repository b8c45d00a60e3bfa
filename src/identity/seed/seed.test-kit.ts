import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { keyStoreHistory, openKeyStore, type KeyStore } from '../../platform/crypto/index.js'
import type { Backend, Db } from '../../platform/db/index.js'
import { createTestDatabase, type TestDatabase } from '../../platform/db/test-database.js'
import { identityModule } from '../identity.module.js'
import { createIdRepoKeyring, type IdRepoKeyring } from '../idrepo/index.js'
import { seedTables } from './table-specs.js'

export interface SeedHarness {
  readonly database: TestDatabase
  readonly keyring: IdRepoKeyring
  readonly keys: KeyStore
}

/** A fresh database with every identity schema (the seed's included) and a key store. */
export async function openSeedHarness(backend: Backend): Promise<SeedHarness> {
  const database = await createTestDatabase(backend, [
    keyStoreHistory,
    ...identityModule.migrations,
  ])
  const keys = await openKeyStore({ db: database.db, masterKey: randomBytes(32) })
  return { database, keyring: createIdRepoKeyring(keys), keys }
}

/**
 * Columns whose bytes depend on the installation's keys (random per installation by design:
 * ciphertexts with random nonces, keyed hashes): left out of the content hash. Their plaintext
 * is compared separately by decrypting.
 */
export const keyDependentColumns = new Set([
  // Salted with fresh random salts (they hide the record from the public log).
  'idrepo.record_change.salt',
  'idrepo.record_change.commitment',
  'master.user_detail.name',
  'master.user_detail_h.name',
  'idrepo.uin.uin',
  'idrepo.uin.uin_hash',
  'idrepo.uin.uin_data',
  'idrepo.uin.uin_data_hash',
  'idrepo.uin_h.uin',
  'idrepo.uin_h.uin_hash',
  'idrepo.uin_h.uin_data',
  'idrepo.uin_h.uin_data_hash',
  'idmap.vid.uin',
  'idmap.vid.uin_hash',
  'ida.auth_transaction.ref_id',
  'ida.auth_transaction.token_id',
])

/** SHA-256 of every seeded table's rows (sorted), the key-dependent columns left out. */
export async function seededContentHash(db: Db): Promise<string> {
  const hash = createHash('sha256')
  for (const spec of Object.values(seedTables)) {
    const columns = spec.columns.filter((c) => !keyDependentColumns.has(`${spec.table}.${c}`))
    const list = sql.join(columns.map((c) => sql.ref(c)))
    const { rows } = await sql<{
      line: string
    }>`select (row(${list}))::text as line from ${sql.raw(spec.table)}`.execute(db)
    const lines = rows.map((r) => r.line).sort()
    hash.update(`${spec.table}:${lines.length}\n${lines.join('\n')}\n`)
  }
  return hash.digest('hex')
}
