import { ageBandOf, type AgeBand, genderCodeOfLabel } from './report-definitions.js'

/**
 * What reporting keeps of one `idrepo.anonymous_profile` row: the process that wrote it, the
 * age band reached in the year it was written and the gender code. Computed as the reports
 * define them (`report-catalog.ts`, uin-by-age-gender) so that the lake, which never stores the
 * profile, answers as SQL over the profile JSON does.
 */
export interface ProfileFacts {
  /** `processName` (NEW, UPDATE); null when the profile has none or is not a JSON object. */
  readonly processName: string | null
  readonly ageBand: AgeBand
  readonly gender: string
}

/** A year of birth the reports accept: exactly four digits. */
const yearPattern = /^[0-9]{4}$/

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The text of a JSON member as SQL's `->>` gives it: a string as is, null or missing as null,
 * anything else as its JSON text (PostgreSQL spaces arrays and objects differently, which no
 * rule below depends on: they never match a year or a known gender label).
 */
function memberText(object: Json | undefined, key: string): string | null {
  if (!isObject(object)) return null
  const value = object[key]
  if (value === undefined || value === null) return null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json
  } catch {
    // A profile that is not JSON tells nothing: no process, band or gender.
    return undefined
  }
}

/**
 * The gender code of a profile's gender value: trimmed of spaces (only spaces, as SQL's trim),
 * upper-cased, labels mapped to MOSIP's codes (Male → MLE …), empty or missing UNKNOWN, any
 * other value kept upper-cased.
 */
export function profileGenderCode(value: string | null): string {
  const upper = (value ?? '').replace(/^ +| +$/g, '').toUpperCase()
  if (upper === '') return 'UNKNOWN'
  return genderCodeOfLabel[upper] ?? upper
}

/**
 * The age band of a profile written at `writtenAt`: the UTC year of `writtenAt` minus a
 * four-digit `yearOfBirth`; UNKNOWN when the year is missing, not four digits, or later.
 */
export function profileAgeBand(yearOfBirth: string | null, writtenAt: Date): AgeBand {
  if (yearOfBirth === null || !yearPattern.test(yearOfBirth)) return 'UNKNOWN'
  return ageBandOf(writtenAt.getUTCFullYear() - Number(yearOfBirth))
}

/** Reads a profile's JSON text (MOSIP's `{processName, newProfile: {yearOfBirth, gender}}`). */
export function profileFactsOf(profileJson: string, writtenAt: Date): ProfileFacts {
  const profile = parseJson(profileJson)
  const newProfile = isObject(profile) ? profile['newProfile'] : undefined
  return {
    processName: memberText(profile, 'processName'),
    ageBand: profileAgeBand(memberText(newProfile, 'yearOfBirth'), writtenAt),
    gender: profileGenderCode(memberText(newProfile, 'gender')),
  }
}
