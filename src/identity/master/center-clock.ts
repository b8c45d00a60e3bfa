/** A center's wall clock: an IANA zone, or a fixed offset as in MOSIP's sample data. */
export type CenterTimeZone =
  | { readonly kind: 'iana'; readonly name: string }
  | { readonly kind: 'offset'; readonly minutes: number }

/** Local calendar day, weekday (0 = Sunday) and seconds since local midnight. */
export interface LocalTime {
  readonly date: string
  readonly weekday: number
  readonly seconds: number
}

// MOSIP's sample rows read "(GTM+01:00) CENTRAL EUROPEAN TIME": accept GMT, GTM and UTC.
const offsetPattern = /^\(?\s*(?:GMT|GTM|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*\)?/i

/** Parses a `time_zone` value; null when it is neither an IANA name nor an offset. Null = UTC. */
export function parseCenterTimeZone(value: string | null | undefined): CenterTimeZone | null {
  if (value == null || value.trim() === '') return { kind: 'offset', minutes: 0 }
  const offset = offsetPattern.exec(value.trim())
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0)
    if (minutes > 14 * 60) return null
    return { kind: 'offset', minutes: offset[1] === '-' ? -minutes : minutes }
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value.trim() })
    return { kind: 'iana', name: value.trim() }
  } catch {
    return null
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(zone, formatter)
  }
  return formatter
}

/** What a center's clock shows at `instant`. */
export function localTimeAt(instant: Date, zone: CenterTimeZone): LocalTime {
  if (zone.kind === 'offset') {
    const shifted = new Date(instant.getTime() + zone.minutes * 60_000)
    return {
      date: shifted.toISOString().slice(0, 10),
      weekday: shifted.getUTCDay(),
      seconds:
        shifted.getUTCHours() * 3600 + shifted.getUTCMinutes() * 60 + shifted.getUTCSeconds(),
    }
  }
  const parts = Object.fromEntries(
    formatterFor(zone.name)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  const date = `${parts.year}-${parts.month}-${parts.day}`
  return {
    date,
    weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
    seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  }
}

/** 'HH:MM[:SS]' to seconds since midnight. */
export function secondsOf(time: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number)
  return hours * 3600 + minutes * 60 + Math.floor(seconds)
}

/** MOSIP's daysofweek_list code of a weekday: 101 = Sunday ... 107 = Saturday. */
export function dayCodeOf(weekday: number): string {
  return String(101 + weekday)
}
