import type { Identity, IdentityValue } from '../idrepo/index.js'
import type { AuthPolicy } from './auth-policy.js'

/** All but the last 4 digits masked, as MOSIP masks ids in responses ("XXXXXX7890"). */
export function maskId(id: string): string {
  return id.length <= 4 ? id : `${'X'.repeat(id.length - 4)}${id.slice(-4)}`
}

/** The attributes a KYC response may carry: those asked for (all when none) that the policy allows. */
export function kycAttributesOf(
  policy: AuthPolicy,
  asked: readonly string[] | undefined,
): string[] {
  const allowed: readonly string[] = policy.allowedKycAttributes
  return asked && asked.length > 0 ? allowed.filter((a) => asked.includes(a)) : [...allowed]
}

/** The KYC language: the request's, else the policy's first, else the record's, else eng. */
export function kycLanguageOf(
  policy: AuthPolicy,
  asked: string | undefined,
  recordLanguage: string | null,
): string {
  if (asked && (policy.kycLanguages.length === 0 || policy.kycLanguages.includes(asked)))
    return asked
  return policy.kycLanguages[0] ?? recordLanguage ?? 'eng'
}

/**
 * The identity reduced to `attributes`, language-tagged values in `language` only (an attribute
 * with no value in that language is left out). Nothing outside the list leaves the server.
 */
export function kycIdentity(
  identity: Identity,
  attributes: readonly string[],
  language: string,
): Record<string, IdentityValue> {
  const out: Record<string, IdentityValue> = {}
  for (const name of attributes) {
    const value = identity[name]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      const inLanguage = value.filter((v) => v.language === language)
      if (inLanguage.length > 0) out[name] = inLanguage
    } else out[name] = value
  }
  return out
}
