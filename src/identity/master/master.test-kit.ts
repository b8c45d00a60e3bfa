import { afterEach } from 'vitest'
import type { Backend } from '../../platform/db/index.js'
import { createTestDatabase, type TestDatabase } from '../../platform/db/test-database.js'
import { auditHistory } from '../audit/index.js'
import { masterHistory } from './master.migrations.js'
import { seedCountry } from './master.fixtures.js'

/**
 * For a `describe` block: each test's `setUp()` makes a fresh database with the audit and
 * master schemas and the small country of `seedCountry`; it is dropped after the test.
 */
export function masterTestKit(backend: Backend) {
  let database: TestDatabase | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })
  const db = () => {
    if (!database) throw new Error('setUp() first')
    return database.db
  }
  return {
    db,
    async setUp(options: Parameters<typeof seedCountry>[1] = {}) {
      database = await createTestDatabase(backend, [auditHistory, masterHistory])
      return seedCountry(database.db, options)
    },
  }
}
