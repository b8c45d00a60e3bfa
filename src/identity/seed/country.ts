import type { Center, Country, Machine, Operator } from './country-model.js'
import { familyNames, givenNames, placeSyllables, regionNames } from './names.js'
import { createPrng, type Prng } from './prng.js'
import { dayMs, isoDate, windowStart, type SeedOptions } from './seed-options.js'

/** Registrations one kiosk takes on a working day, at the demand the seed plans for. */
const kioskDailyLoad = 18

export const nationalHolidays: readonly (readonly [string, string])[] = [
  ['01-01', "New Year's Day"],
  ['03-21', 'Independence Day'],
  ['05-01', 'Labour Day'],
  ['08-15', 'Harvest Day'],
  ['12-25', 'Christmas Day'],
]

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
export const placeName = (prng: Prng) =>
  capitalize(Array.from({ length: prng.int(2, 3) }, () => prng.pick(placeSyllables)).join(''))

/** An operator's full name, in one of the country's languages, from the residents' lists. */
function operatorName(prng: Prng): string {
  const language = prng.pick(['eng', 'fra', 'ara'] as const)
  const given = givenNames[language][prng.pick(['MLE', 'FLE'] as const)]
  return `${prng.pick(given)} ${prng.pick(familyNames[language])}`
}

/** Region code: first three letters of the region's name. */
export const regionCode = (index: number) =>
  (regionNames[index] ?? 'Region').slice(0, 3).toUpperCase()

function holidays(prng: Prng, options: SeedOptions): Map<string, Set<string>> {
  const start = windowStart(options)
  const years = new Set<number>()
  for (let t = start.getTime(); t < options.until.getTime() + dayMs; t += 30 * dayMs)
    years.add(new Date(t).getUTCFullYear())
  const byRegion = new Map<string, Set<string>>()
  regionNames.forEach((_, index) => {
    const dates = new Set<string>()
    for (const year of years) {
      for (const [monthDay] of nationalHolidays) dates.add(`${year}-${monthDay}`)
      // One regional feast a year, on a date of the region's own.
      dates.add(isoDate(new Date(Date.UTC(year, 0, 1) + prng.int(20, 340) * dayMs)))
    }
    byRegion.set(regionCode(index), dates)
  })
  return byRegion
}

/** Number of centers so that demand stays well under capacity (about 18 a kiosk a day). */
export function centerCount(options: SeedOptions): number {
  const registrations = options.residents * 1.2
  const workingDays = Math.max(1, options.days * (5 / 7))
  return Math.min(2_000, Math.max(6, Math.ceil(registrations / workingDays / (4 * kioskDailyLoad))))
}

/**
 * Generates the country: six regions of provinces, cities and postal codes; centers with hours,
 * lunch, kiosks, Saturday opening, holidays and closures; a machine and an officer per kiosk;
 * supervisors; and the planted anomalies of master data (inactive and decommissioned centers,
 * disabled officers, a very slow officer, a center that adjudicates far too often).
 */
export function generateCountry(prng: Prng, options: SeedOptions): Country {
  const start = windowStart(options).getTime()
  const span = options.days * dayMs
  // Per region: 3 provinces × 3 cities × 2 postal codes.
  const postalCodes = regionNames.flatMap((_, regionIndex) =>
    Array.from({ length: 18 }, (_, p) => ({
      code: String(10_000 + regionIndex * 1_000 + p * 7),
      regionIndex,
      province: Math.floor(p / 6) + 1,
      city: Math.floor(p / 2) + 1,
    })),
  )
  const count = centerCount(options)
  const decommissioned = new Set([prng.int(1, count - 1)])
  const inactive = new Set([prng.int(1, count - 1)])
  for (let i = 0; i < count; i++) {
    if (prng.chance(0.03)) decommissioned.add(i)
    else if (prng.chance(0.04)) inactive.add(i)
  }
  const heavy = prng.int(0, count - 1)
  const lifecycleOf = (i: number) =>
    decommissioned.has(i)
      ? 'decommissioned'
      : inactive.has(i) && i !== heavy
        ? 'inactive'
        : 'active'
  // The last active center gets a disabled and a slow officer if chance gave none before it.
  let lastActive = count - 1
  while (lastActive > 0 && lifecycleOf(lastActive) !== 'active') lastActive--
  // Operators' names come from a stream of their own, so naming them changes nothing else.
  const naming = createPrng(`mosaic-seed:${options.seed}:operator-names`)
  let machineSeq = 10_001
  const centers: Center[] = []
  let disabledPlanted = false
  let slowPlanted = false
  for (let i = 0; i < count; i++) {
    // The capital region carries twice the centers of the others.
    const regionIndex = prng.weighted(regionNames.map((_, r) => [r, r === 5 ? 2 : 1] as const))
    const region = regionCode(regionIndex)
    const postal = prng.pick(postalCodes.filter((p) => p.regionIndex === regionIndex))
    const id = String(10_001 + i)
    const kiosks = prng.int(2, 6)
    const startMinute = prng.pick([480, 480, 540])
    const lunchStartMinute = prng.pick([720, 750, 780])
    const lifecycle = lifecycleOf(i)
    const closedFrom =
      lifecycle === 'active' ? null : new Date(start + Math.floor((span * prng.int(40, 70)) / 100))
    const machines: Machine[] = Array.from({ length: kiosks }, () => ({
      id: String(machineSeq++),
      centerId: id,
    }))
    const officers: Operator[] = machines.map((_, k) => {
      const owedSlow = !slowPlanted && i === lastActive && k === 1
      const plantDisabled =
        lifecycle === 'active' &&
        !owedSlow &&
        (prng.chance(0.03) || (!disabledPlanted && i === lastActive))
      const plantSlow = lifecycle === 'active' && !plantDisabled && (prng.chance(0.02) || owedSlow)
      disabledPlanted ||= plantDisabled
      slowPlanted ||= plantSlow
      return {
        id: `officer.${id}.${k + 1}`,
        name: operatorName(naming),
        centerId: id,
        role: 'REGISTRATION_OFFICER',
        disabledFrom: plantDisabled
          ? new Date(start + Math.floor((span * prng.int(35, 65)) / 100))
          : null,
        slowness: plantSlow ? 3.5 + prng.next() : 0.85 + prng.next() * 0.35,
      }
    })
    const supervisors: Operator[] = Array.from({ length: prng.int(1, 2) }, (_, k) => ({
      id: `supervisor.${id}.${k + 1}`,
      name: operatorName(naming),
      centerId: id,
      role: 'REGISTRATION_SUPERVISOR',
      disabledFrom: null,
      slowness: 1,
    }))
    const closures = new Set<string>()
    if (prng.chance(0.15))
      closures.add(isoDate(new Date(start + prng.int(0, options.days - 1) * dayMs)))
    centers.push({
      id,
      regionIndex,
      regionCode: region,
      zoneCode: `${region}${postal.province}`,
      locationCode: postal.code,
      kiosks,
      startMinute,
      endMinute: startMinute + 8 * 60,
      lunchStartMinute,
      lunchEndMinute: lunchStartMinute + 60,
      perKioskMinutes: prng.pick([12, 15, 15, 20]),
      utcOffsetMinutes: regionIndex === 3 ? 0 : 60,
      opensSaturday: prng.chance(0.35),
      lifecycle,
      closedFrom,
      adjudicationHeavy: i === heavy,
      machines,
      officers,
      supervisors,
      closures,
    })
  }
  return {
    centers,
    virtualCenter: { id: '10000', machineId: '10000' },
    holidays: holidays(prng, options),
    postalCodes,
    regionCodes: regionNames.map((_, index) => regionCode(index)),
  }
}
