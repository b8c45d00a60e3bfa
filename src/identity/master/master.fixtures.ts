import { randomBytes } from 'node:crypto'
import type { TopicEvent } from '../../platform/bus/index.js'
import {
  createFieldCipher,
  type FieldCipher,
  keyStoreHistory,
  openKeyStore,
} from '../../platform/crypto/index.js'
import { type Db, migrate } from '../../platform/db/index.js'
import { MasterDataService } from './master-data.service.js'
import type { Actor } from './master-deps.js'
import type { NewCenter } from './center.service.js'

/** A root administrator, as MOSIP's root zone grants. */
export const rootAdmin: Actor = { username: 'root-admin', zones: ['*'] }

/** A settable clock for tests of history and opening hours. */
export class TestClock {
  constructor(public now = new Date('2026-03-02T09:00:00.000Z')) {}
  readonly read = () => this.now
  advance(ms: number): Date {
    this.now = new Date(this.now.getTime() + ms)
    return this.now
  }
}

/** Keeps what was published, in place of the bus, for service tests. */
export class RecordingBus {
  readonly published: TopicEvent[] = []
  async publish(events: readonly TopicEvent[]): Promise<void> {
    this.published.push(...events)
  }
}

/** A field cipher over a key store of its own in `db` (migrated here), as the platform's. */
export async function testFieldCipher(db: Db): Promise<FieldCipher> {
  await migrate(db, [keyStoreHistory])
  return createFieldCipher(await openKeyStore({ db, masterKey: randomBytes(32) }))
}

/**
 * Master data with a small country: MOR > NTH > RSK and MOR > STH, one location, a REG
 * center type (seeded). Returns the service with a test clock, a recording bus and the field
 * cipher (a key store of its own unless `cipher` is given, e.g. a running server's).
 */
export async function seedCountry(
  db: Db,
  options: { clock?: TestClock; cipher?: FieldCipher } = {},
) {
  const clock = options.clock ?? new TestClock()
  const cipher = options.cipher ?? (await testFieldCipher(db))
  const bus = new RecordingBus()
  const master = new MasterDataService({ db, bus, cipher, clock: clock.read })
  const zone = (code: string, parent: string | null, level: string) =>
    master.places.createZone(rootAdmin, {
      code,
      name: code,
      hierarchyLevelName: level,
      parentZoneCode: parent,
    })
  await zone('MOR', null, 'Country')
  await zone('NTH', 'MOR', 'Direction')
  await zone('RSK', 'NTH', 'Region')
  await zone('STH', 'MOR', 'Direction')
  await master.places.createLocation(rootAdmin, {
    code: 'MOR',
    name: 'Morocco',
    hierarchyLevel: 0,
    hierarchyLevelName: 'Country',
  })
  await master.places.createLocation(rootAdmin, {
    code: '14022',
    name: 'Rabat',
    hierarchyLevel: 3,
    hierarchyLevelName: 'City',
    parentLocCode: 'MOR',
  })
  bus.published.length = 0
  return { master, bus, clock, cipher }
}

/** A weekday center in RSK, 09:00-17:00 with lunch 13:00-14:00, on Casablanca's clock. */
export function sampleCenter(overrides: Partial<NewCenter> = {}): NewCenter {
  return {
    name: 'Center A Ben Mansour',
    centerTypeCode: 'REG',
    locationCode: '14022',
    zoneCode: 'RSK',
    addrLine1: 'Avenue 1',
    latitude: '34.0209',
    longitude: '-6.8416',
    numberOfKiosks: 3,
    workingHours: '8:00:00',
    perKioskProcessTime: '00:15:00',
    centerStartTime: '09:00:00',
    centerEndTime: '17:00:00',
    lunchStartTime: '13:00:00',
    lunchEndTime: '14:00:00',
    timeZone: '(GTM+01:00) CENTRAL EUROPEAN TIME',
    holidayLocationCode: 'MOR',
    isActive: true,
    translations: { fra: { name: 'Centre A Ben Mansour' }, ara: { name: 'مركز أ' } },
    ...overrides,
  }
}
