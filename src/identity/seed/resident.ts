import type { Identity } from '../idrepo/index.js'
import type { Country } from './country-model.js'
import { emailDomains, familyNames, givenNames, streetKinds, streetWords } from './names.js'
import type { Prng } from './prng.js'
import { dayMs } from './seed-options.js'

export type Gender = 'MLE' | 'FLE' | 'OTH'
export type Language = 'eng' | 'fra' | 'ara'

/**
 * A developing country's pyramid (wide base): share of the population per 5-year band, 0-4 up
 * to 80+, roughly as in UN World Population Prospects for sub-Saharan Africa.
 */
export const agePyramid = [
  14.5, 13.5, 12.5, 11.5, 10, 8.5, 7, 6, 5, 4, 3, 2.3, 1.7, 1.2, 0.8, 0.5, 0.3,
] as const
export const genderMix: readonly (readonly [Gender, number])[] = [
  ['FLE', 50.3],
  ['MLE', 49.4],
  ['OTH', 0.3],
]
const languageMix: readonly (readonly [Language, number])[] = [
  ['eng', 45],
  ['fra', 35],
  ['ara', 20],
]

/** One synthetic person. Everything here is personal data: it is only stored encrypted. */
export interface Resident {
  readonly gender: Gender
  readonly language: Language
  readonly fullName: string
  /** 'YYYY/MM/DD', as MOSIP's ID schema writes it. */
  readonly dateOfBirth: string
  readonly ageYears: number
  readonly addressLine1: string
  readonly postal: Country['postalCodes'][number]
  readonly phone: string | null
  readonly email: string | null
}

const pad = (n: number) => String(n).padStart(2, '0')

export function generateResident(prng: Prng, country: Country, at: Date): Resident {
  const gender = prng.weighted(genderMix)
  const language = prng.weighted(languageMix)
  const band = prng.weighted(agePyramid.map((share, index) => [index, share] as const))
  const ageDays = band * 5 * 365 + prng.int(0, band === 16 ? 15 * 365 : 5 * 365 - 1)
  const birth = new Date(at.getTime() - ageDays * dayMs)
  const given = givenNames[language][gender === 'OTH' ? prng.pick(['MLE', 'FLE'] as const) : gender]
  const first = prng.pick(given)
  const family = prng.pick(familyNames[language])
  const adult = ageDays >= 18 * 365
  const phone =
    adult && prng.chance(0.82)
      ? `+990 7${prng.digits(2)} ${prng.digits(3)} ${prng.digits(3)}`
      : null
  const email =
    adult && prng.chance(0.35)
      ? `${first}.${family}${prng.int(1, 999)}@${prng.pick(emailDomains)}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z0-9.@-]/g, '')
      : null
  return {
    gender,
    language,
    fullName: `${first} ${family}`,
    dateOfBirth: `${birth.getUTCFullYear()}/${pad(birth.getUTCMonth() + 1)}/${pad(birth.getUTCDate())}`,
    ageYears: Math.floor(ageDays / 365.25),
    addressLine1: `${prng.int(1, 480)} ${prng.pick(streetWords)} ${prng.pick(streetKinds)}`,
    postal: prng.pick(country.postalCodes),
    phone,
    email,
  }
}

/** MOSIP's age groups (packet classifier defaults). */
export function ageGroupOf(ageYears: number): 'INFANT' | 'MINOR' | 'ADULT' {
  return ageYears <= 5 ? 'INFANT' : ageYears < 18 ? 'MINOR' : 'ADULT'
}

/** The identity JSON as MOSIP's ID schema names it; the ID repository encrypts each value. */
export function identityOf(resident: Resident, introducerRid?: string): Identity {
  const lang = resident.language
  const postal = resident.postal
  const identity: Identity = {
    fullName: [{ language: lang, value: resident.fullName }],
    gender: [{ language: 'eng', value: resident.gender }],
    dateOfBirth: resident.dateOfBirth,
    addressLine1: [{ language: lang, value: resident.addressLine1 }],
    region: `R${postal.regionIndex}`,
    postalCode: postal.code,
    residenceStatus: 'NFR',
  }
  if (resident.phone) identity.phone = resident.phone
  if (resident.email) identity.email = resident.email
  if (introducerRid) identity.introducerRID = introducerRid
  return identity
}
