import type { FieldCipher } from '../../platform/crypto/index.js'
import type { CopyValue } from '../../platform/db/index.js'
import { encryptOperatorName } from '../master/index.js'
import type { Center, Country } from './country-model.js'
import { addVersioned, type RecordChange } from './master-versions.js'
import { nationalHolidays, placeName } from './country.js'
import { regionNames } from './names.js'
import type { Prng } from './prng.js'
import type { PersonalDataObserver } from './seed-context.js'
import { created, type SeedSink } from './seed-sink.js'
import { dayMs, windowStart, type SeedOptions } from './seed-options.js'

const by = 'seed-admin'
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`
const offsetLabel = (minutes: number) =>
  minutes === 0 ? '(GMT+00:00) Greenwich Mean Time' : '(GMT+01:00) West Africa Time'

/** A row ending in MOSIP's audit columns, soft-deleted when `deletedAt` is set. */
function withAudit(values: CopyValue[], at: Date, updatedAt?: Date | null, deleted = false) {
  if (!updatedAt) return [...values, ...created(by, at)]
  return [...values, by, at, by, updatedAt, deleted, deleted ? updatedAt : null]
}

/** Each operator's name as user_detail stores it (encrypted, as the admin API writes it), by id. */
export async function sealOperatorNames(
  country: Country,
  cipher: FieldCipher,
  onPersonalData: PersonalDataObserver,
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const center of country.centers)
    for (const user of [...center.officers, ...center.supervisors]) {
      onPersonalData('name', user.name)
      names.set(user.id, await encryptOperatorName(cipher, user.id, user.name))
    }
  return names
}

/**
 * Writes the country's master data: zones, locations, centers and their calendars, equipment,
 * users. `operatorNames` holds each operator's name as stored: encrypted (sealOperatorNames).
 */
export function addCountryRows(
  sink: SeedSink,
  country: Country,
  prng: Prng,
  options: SeedOptions,
  operatorNames: ReadonlyMap<string, string>,
) {
  const setup = new Date(windowStart(options).getTime() - 400 * dayMs)
  const zone = (
    code: string,
    name: string,
    level: number,
    levelName: string,
    path: string,
    parent: string | null,
  ) => sink.add('zone', withAudit([code, name, level, levelName, path, parent, 'eng', true], setup))
  const location = (
    code: string,
    name: string,
    level: number,
    levelName: string,
    parent: string | null,
  ) => sink.add('location', withAudit([code, name, level, levelName, parent, 'eng', true], setup))

  zone('MSC', 'Mosaicland', 0, 'Country', 'MSC', null)
  location('MSC', 'Mosaicland', 0, 'Country', null)
  regionNames.forEach((name, r) => {
    const region = country.regionCodes[r] ?? 'REG'
    zone(region, name, 1, 'Region', `MSC/${region}`, 'MSC')
    location(region, name, 1, 'Region', 'MSC')
    for (let p = 1; p <= 3; p++) {
      const province = `${region}${p}`
      const provinceName = `${placeName(prng)} Province`
      zone(province, provinceName, 2, 'Province', `MSC/${region}/${province}`, region)
      location(province, provinceName, 2, 'Province', region)
    }
    const cities = new Set<string>()
    for (const postal of country.postalCodes.filter((p) => p.regionIndex === r)) {
      const city = `${region}${postal.province}C${postal.city}`
      if (!cities.has(city)) {
        cities.add(city)
        location(city, placeName(prng), 3, 'City', `${region}${postal.province}`)
        location(`${city}Z`, `${placeName(prng)} Zone`, 4, 'Zone', city)
      }
      location(postal.code, postal.code, 5, 'Postal Code', `${city}Z`)
    }
  })

  // One id per holiday date (shared by the regions that keep it), as MOSIP's loc_holiday.
  const ids = new Map<string, number>()
  const idOf = (key: string) => ids.get(key) ?? (ids.set(key, ids.size + 1), ids.size)
  for (const [region, dates] of country.holidays) {
    for (const date of [...dates].sort()) {
      const national = nationalHolidays.find(([monthDay]) => date.endsWith(monthDay))
      const id = idOf(national ? date : `${region}:${date}`)
      const row = national
        ? [id, region, date, national[1], 'National holiday', 'eng', true]
        : [id, region, date, 'Regional feast', 'Regional holiday', 'eng', true]
      sink.add('locHoliday', withAudit(row, setup))
    }
  }

  const virtual = country.virtualCenter
  // prettier-ignore
  const virtualCenter = [virtual.id, 'Virtual centre', 'REG', null, null, null, 'MSC', null, 0,
    null, null, null, null, null, null, null, null, 'MSC', 'eng', true]
  addVersioned(sink, 'center', by, setup, virtualCenter, null)
  // prettier-ignore
  const virtualMachine = [virtual.machineId, 'resident-service', null, null, null, '1001',
    `key-${virtual.machineId}`, 'MSC', virtual.id, 'eng', true]
  addVersioned(sink, 'machine', by, setup, virtualMachine, null)
  for (const center of country.centers) addCenterRows(sink, center, prng, setup, operatorNames)
}

/**
 * One center with its calendar, machines, devices and operators. Each versioned record starts
 * active and mapped at setup; a center closed in the window, its equipment and operators (and
 * a disabled officer) get a second version from then on: inactive, unmapped if decommissioned.
 */
function addCenterRows(
  sink: SeedSink,
  center: Center,
  prng: Prng,
  setup: Date,
  operatorNames: ReadonlyMap<string, string>,
) {
  const closed = center.closedFrom
  const decommissioned = center.lifecycle === 'decommissioned'
  // Machines, devices and operators follow their center: inactive (unmapped if it is
  // decommissioned, as MOSIP refuses to decommission a center with anything mapped) from then.
  const mappedTo = decommissioned ? null : center.id
  const lat = (4 + center.regionIndex * 1.5 + prng.next()).toFixed(6)
  const lon = (-2 + center.regionIndex * 1.2 + prng.next()).toFixed(6)
  // prettier-ignore
  const opened = [center.id, `${placeName(prng)} Registration Center`,
    'REG', `${prng.int(1, 200)} Civic Plaza`, lat, lon, center.locationCode, null, center.kiosks,
    '8:00:00', hhmm(center.perKioskMinutes), hhmm(center.startMinute), hhmm(center.endMinute),
    hhmm(center.lunchStartMinute), hhmm(center.lunchEndMinute), offsetLabel(center.utcOffsetMinutes),
    center.regionCode, center.zoneCode, 'eng', true]
  addVersioned(sink, 'center', by, setup, opened, closedVersion(closed, opened, decommissioned))
  for (let d = 0; d < 7; d++) {
    const working = d >= 1 && d <= 5 ? true : d === 6 && center.opensSaturday
    sink.add('workingDay', withAudit([center.id, String(101 + d), 'eng', working, true], setup))
  }
  for (const date of center.closures)
    sink.add(
      'centerHoliday',
      withAudit([center.id, date, 'Center closed', 'Maintenance', 'eng', true], setup),
    )
  // Equipment values end in regcntr_id, lang_code, is_active: the later version changes those.
  const equipment = (values: CopyValue[], kind: 'machine' | 'device') => {
    const mapped = [...values, center.id, 'eng', true]
    const change = closed && {
      at: closed,
      values: [...values, mappedTo, 'eng', false],
      deleted: false,
    }
    addVersioned(sink, kind, by, setup, mapped, change)
  }
  for (const machine of center.machines) {
    const ip = `10.${center.regionIndex}.${Number(center.id) % 250}.${Number(machine.id) % 250}`
    // prettier-ignore
    equipment([machine.id, `MC-${machine.id}`, mac(prng), `SN${prng.digits(8)}`, ip, '1001',
      `key-${machine.id}`, center.zoneCode], 'machine')
    for (const [spec, kind] of [
      ['327', 'FRS'],
      ['328', 'IRS'],
      ['329', 'CMR'],
    ] as const)
      // prettier-ignore
      equipment([`${kind}-${machine.id}`, `${kind} ${machine.id}`, mac(prng), `DV${prng.digits(8)}`,
        spec, center.zoneCode], 'device')
  }
  for (const user of [...center.officers, ...center.supervisors]) {
    const until = user.disabledFrom ?? closed
    const name = operatorNames.get(user.id)
    if (name === undefined) throw new Error(`no stored name for operator ${user.id}`)
    const operator = (status: string, centerId: string | null, active: boolean) => [
      user.id,
      name,
      status,
      centerId,
      'eng',
      null,
      'PWD',
      active,
    ]
    const change = until && { at: until, values: operator('INA', mappedTo, false), deleted: false }
    addVersioned(sink, 'user', by, setup, operator('ACT', center.id, true), change)
    // zone_user has no history in MOSIP: its one row says how things stand now.
    sink.add('zoneUser', withAudit([center.zoneCode, user.id, 'eng', until === null], setup, until))
  }
}

/** A closed center's second version: inactive (soft-deleted if decommissioned) from `closed`. */
function closedVersion(
  closed: Date | null,
  opened: readonly CopyValue[],
  decommissioned: boolean,
): RecordChange | null {
  if (!closed) return null
  return { at: closed, values: [...opened.slice(0, -1), false], deleted: decommissioned }
}

function mac(prng: Prng): string {
  return Array.from({ length: 6 }, () => prng.int(0, 255).toString(16).padStart(2, '0')).join(':')
}
