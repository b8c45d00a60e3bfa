import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import { auditHistory } from '../audit/index.js'
import type { MasterDataService } from './master-data.service.js'
import { masterHistory } from './master.migrations.js'
import { rootAdmin, sampleCenter, seedCountry } from './master.fixtures.js'

// 2026-03-02 is a Monday. The sample center is on UTC+01:00, 09:00-17:00, lunch 13:00-14:00.
describe.each(testBackends)('isCenterOpenAt on %s', (backend) => {
  let database: TestDatabase
  let master: MasterDataService
  let offsetCenter: string
  let aucklandCenter: string
  let saturdayCenter: string
  let closedCenter: string

  beforeAll(async () => {
    database = await createTestDatabase(backend, [auditHistory, masterHistory])
    ;({ master } = await seedCountry(database.db))
    offsetCenter = (await master.centers.create(rootAdmin, sampleCenter())).id
    aucklandCenter = (
      await master.centers.create(rootAdmin, sampleCenter({ timeZone: 'Pacific/Auckland' }))
    ).id
    saturdayCenter = (
      await master.centers.create(rootAdmin, sampleCenter({ workingDays: ['107'] }))
    ).id
    closedCenter = (await master.centers.create(rootAdmin, sampleCenter({ isActive: false }))).id
    await master.centers.addHoliday(rootAdmin, offsetCenter, {
      date: '2026-03-03',
      name: 'Local feast',
    })
    await sql`insert into master.loc_holiday (id, location_code, holiday_date, holiday_name,
        lang_code, is_active, cr_by, cr_dtimes)
      values (1, 'MOR', '2026-03-04', 'National day', 'eng', true, 'test', now())`.execute(
      database.db,
    )
  })
  afterAll(async () => database?.drop())

  const status = async (center: string, instant: string) =>
    (await master.isCenterOpenAt(center, new Date(instant))).status

  it('is open within hours on a working day, on the center clock', async () => {
    expect(await master.isCenterOpenAt(offsetCenter, new Date('2026-03-02T08:30:00Z'))).toEqual({
      open: true,
      status: 'OPEN',
      localTime: '2026-03-02T09:30:00',
    })
    expect(await status(offsetCenter, '2026-03-02T07:59:59Z')).toBe('OUTSIDE_HOURS')
    expect(await status(offsetCenter, '2026-03-02T16:00:00Z')).toBe('OUTSIDE_HOURS')
  })

  it('is closed at lunch', async () => {
    expect(await status(offsetCenter, '2026-03-02T12:00:00Z')).toBe('LUNCH')
    expect(await status(offsetCenter, '2026-03-02T13:00:00Z')).toBe('OPEN')
  })

  it('is closed on non-working days, judged by the local day across midnight UTC', async () => {
    expect(await status(offsetCenter, '2026-03-01T10:00:00Z')).toBe('NON_WORKING_DAY')
    // Friday 23:30 UTC is Saturday 00:30 at the center.
    expect(await status(offsetCenter, '2026-03-06T23:30:00Z')).toBe('NON_WORKING_DAY')
    expect(await status(saturdayCenter, '2026-03-07T10:00:00Z')).toBe('OPEN')
    expect(await status(saturdayCenter, '2026-03-02T10:00:00Z')).toBe('NON_WORKING_DAY')
  })

  it('is closed on center and location holidays of the local date', async () => {
    expect(await status(offsetCenter, '2026-03-03T09:00:00Z')).toBe('HOLIDAY')
    // Monday 23:30 UTC is already the holiday (Tuesday) at the center.
    expect(await status(offsetCenter, '2026-03-02T23:30:00Z')).toBe('HOLIDAY')
    expect(await status(offsetCenter, '2026-03-04T09:00:00Z')).toBe('HOLIDAY')
    expect(await status(aucklandCenter, '2026-03-03T22:00:00Z')).toBe('HOLIDAY')
  })

  it('follows an IANA zone with daylight saving', async () => {
    // Sunday 21:00 UTC is Monday 10:00 in Auckland (NZDT, UTC+13).
    expect(await status(aucklandCenter, '2026-03-01T21:00:00Z')).toBe('OPEN')
    expect(await status(aucklandCenter, '2026-03-06T21:00:00Z')).toBe('NON_WORKING_DAY')
    expect(await status(aucklandCenter, '2026-03-02T04:30:00Z')).toBe('OUTSIDE_HOURS')
  })

  it('says why for unknown and inactive centers', async () => {
    expect(await status('99999', '2026-03-02T09:00:00Z')).toBe('NOT_FOUND')
    expect(await status(closedCenter, '2026-03-02T09:00:00Z')).toBe('INACTIVE')
  })
})
