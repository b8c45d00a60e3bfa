/** The fictional country's master data, as the registration generator needs it. */

export interface Operator {
  /** Keycloak-style username, the user_detail id. */
  readonly id: string
  /** Personal data, like a resident's name: only ever stored encrypted (user_detail.name). */
  readonly name: string
  readonly centerId: string
  readonly role: 'REGISTRATION_OFFICER' | 'REGISTRATION_SUPERVISOR'
  /** When the account was disabled (is_active false from then on); null = active. */
  readonly disabledFrom: Date | null
  /** Multiplies the center's per-kiosk process time: 1 is the norm, 3+ is a planted outlier. */
  readonly slowness: number
}

export interface Machine {
  readonly id: string
  readonly centerId: string
}

export interface Center {
  readonly id: string
  readonly regionIndex: number
  readonly regionCode: string
  readonly zoneCode: string
  readonly locationCode: string
  readonly kiosks: number
  /** Local minutes after midnight. */
  readonly startMinute: number
  readonly endMinute: number
  readonly lunchStartMinute: number
  readonly lunchEndMinute: number
  readonly perKioskMinutes: number
  /** UTC offset of the center's time zone, in minutes. */
  readonly utcOffsetMinutes: number
  readonly opensSaturday: boolean
  readonly lifecycle: 'active' | 'inactive' | 'decommissioned'
  /** When it stopped (inactive/decommissioned); null while active. */
  readonly closedFrom: Date | null
  /** Planted: a center whose registrations go to manual adjudication far more often. */
  readonly adjudicationHeavy: boolean
  readonly machines: readonly Machine[]
  readonly officers: readonly Operator[]
  readonly supervisors: readonly Operator[]
  /** Dates ('YYYY-MM-DD') the center itself is closed (reg_exceptional_holiday). */
  readonly closures: ReadonlySet<string>
}

export interface Country {
  readonly centers: readonly Center[]
  /** The virtual center (10000) whose RIDs the resident portal's requests carry. */
  readonly virtualCenter: { readonly id: string; readonly machineId: string }
  /** Holiday dates per region location code (national and regional). */
  readonly holidays: ReadonlyMap<string, ReadonlySet<string>>
  /** Postal-code location codes with their region index, for residents' addresses. */
  readonly postalCodes: readonly {
    readonly code: string
    readonly regionIndex: number
    readonly province: number
    readonly city: number
  }[]
  readonly regionCodes: readonly string[]
}

/** Whether a center accepts registrations on a date (working day, not a holiday, not closed). */
export function isOpen(country: Country, center: Center, date: Date, day: string): boolean {
  if (center.closedFrom && date >= center.closedFrom) return false
  const weekday = date.getUTCDay()
  if (weekday === 0 || (weekday === 6 && !center.opensSaturday)) return false
  if (center.closures.has(day)) return false
  return !country.holidays.get(center.regionCode)?.has(day)
}
