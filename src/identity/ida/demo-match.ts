import type { AppError } from '../../platform/errors.js'
import type { Identity, IdentityValue } from '../idrepo/index.js'
import type { Demographics } from './auth-request.schema.js'
import { idaErrors } from './errors.js'

/** MOSIP's matching strategies for text attributes: E(xact) after normalising, or P(artial). */
export interface MatchStrategy {
  readonly strategy: 'E' | 'P'
  /** P only: the share (1–100) of words that must agree; MOSIP's default threshold is 100 for E. */
  readonly threshold: number
}

export const exactMatch: MatchStrategy = { strategy: 'E', threshold: 100 }

/** Lower case, accents off, punctuation to spaces, single spaces: "  Qamau-Wanjiku " = "qamau wanjiku". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Whether `given` matches `stored` under the strategy (P: words in common over the longer). */
export function textMatches(given: string, stored: string, match: MatchStrategy): boolean {
  const a = normalise(given)
  const b = normalise(stored)
  if (match.strategy === 'E') return a === b
  const words = a.split(' ').filter(Boolean)
  const pool = b.split(' ').filter(Boolean)
  if (words.length === 0 || pool.length === 0) return false
  let common = 0
  for (const word of words) {
    const at = pool.indexOf(word)
    if (at >= 0) {
      common += 1
      pool.splice(at, 1)
    }
  }
  const longer = Math.max(words.length, b.split(' ').filter(Boolean).length)
  return (100 * common) / longer >= match.threshold
}

function valueIn(value: IdentityValue | undefined, language: string): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.find((v) => v.language === language)?.value
  return undefined
}

const addressParts = ['addressLine1', 'addressLine2', 'addressLine3']

/**
 * Compares the request's demographics with the stored identity, attribute by attribute, and
 * returns every mismatch (IDA-DEA-001) or missing stored value (IDA-DEA-003); empty = success.
 */
export function matchDemographics(
  given: Demographics,
  identity: Identity,
  match: MatchStrategy = exactMatch,
): AppError[] {
  const failures: AppError[] = []
  const tagged = (
    attribute: string,
    values: { language: string; value: string }[] | undefined,
    storedOf: (language: string) => string | undefined,
    strategy: MatchStrategy,
  ) => {
    for (const { language, value } of values ?? []) {
      const stored = storedOf(language)
      if (stored === undefined) failures.push(idaErrors.demoMissing(attribute, language))
      else if (!textMatches(value, stored, strategy))
        failures.push(idaErrors.demoMismatch(attribute, language))
    }
  }
  const plain = (
    attribute: string,
    value: string | undefined,
    stored: IdentityValue | undefined,
    same: (a: string, b: string) => boolean,
  ) => {
    if (value === undefined) return
    if (typeof stored !== 'string') failures.push(idaErrors.demoMissing(attribute))
    else if (!same(value, stored)) failures.push(idaErrors.demoMismatch(attribute))
  }

  tagged('name', given.name, (l) => valueIn(identity.fullName, l), match)
  tagged('gender', given.gender, (l) => valueIn(identity.gender, l), exactMatch)
  tagged(
    'fullAddress',
    given.fullAddress,
    (l) => {
      const parts = addressParts.map((p) => valueIn(identity[p], l)).filter((p) => p !== undefined)
      return parts.length > 0 ? parts.join(' ') : undefined
    },
    match,
  )
  plain(
    'dob',
    given.dob,
    identity.dateOfBirth,
    (a, b) => a.replaceAll('-', '/') === b.replaceAll('-', '/'),
  )
  plain('phoneNumber', given.phoneNumber, identity.phone, (a, b) => digits(a) === digits(b))
  plain(
    'emailId',
    given.emailId,
    identity.email,
    (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase(),
  )
  return failures
}

function digits(text: string): string {
  return text.replace(/\D/g, '')
}
