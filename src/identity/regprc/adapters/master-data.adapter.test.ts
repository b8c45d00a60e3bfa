import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../../platform/db/test-database.js'
import { auditHistory } from '../../audit/index.js'
import { masterHistory } from '../../master/index.js'
import { rootAdmin, sampleCenter, seedCountry } from '../../master/master.fixtures.js'
import type { MasterDataPort } from '../ports.js'
import { masterDataAdapter } from './master-data.adapter.js'

// The sample center is on UTC+01:00, 09:00-17:00; 2026-03-02 is a Monday.
describe.each(testBackends)('master data adapter on %s', (backend) => {
  let database: TestDatabase
  let port: MasterDataPort
  let center: string
  let closed: string

  beforeAll(async () => {
    database = await createTestDatabase(backend, [auditHistory, masterHistory])
    const { master } = await seedCountry(database.db)
    port = masterDataAdapter(master)
    center = (await master.centers.create(rootAdmin, sampleCenter())).id
    closed = (await master.centers.create(rootAdmin, sampleCenter({ isActive: false }))).id
  })
  afterAll(async () => database?.drop())

  it('answers the CMD validator’s questions from master data', async () => {
    const monday = new Date('2026-03-02T09:00:00Z')
    expect(await port.wasActiveAt('center', center, new Date('2027-01-01T00:00:00Z'))).toBe(true)
    expect(await port.wasActiveAt('center', closed, new Date('2027-01-01T00:00:00Z'))).toBe(false)
    expect(await port.wasActiveAt('center', '99999', monday)).toBeNull()
    expect(await port.wasActiveAt('machine', 'M-NONE', monday)).toBeNull()
    expect(await port.wasActiveAt('user', 'nobody', monday)).toBeNull()
    expect(await port.isCenterOpenAt(center, monday)).toBe(true)
    expect(await port.isCenterOpenAt(center, new Date('2026-03-02T20:00:00Z'))).toBe(false)
  })
})
