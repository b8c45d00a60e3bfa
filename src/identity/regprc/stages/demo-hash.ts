import type { KeyedHasher } from '../../../platform/crypto/index.js'
import type { IdentityJson } from '../packet.schema.js'

/**
 * The keyed hash demographic de-duplication compares: name, date of birth and gender,
 * normalised (Unicode NFKC, case, spaces). Null when any of the three is missing. The hash key
 * purpose is its own, so these hashes cannot be linked to other identifiers' hashes.
 */
export async function demographicHash(
  hasher: KeyedHasher,
  identity: IdentityJson,
): Promise<string | null> {
  const name = identity.fullName?.[0]?.value
  const gender = identity.gender?.[0]?.value
  const dob = identity.dateOfBirth
  if (!name || !gender || !dob) return null
  const normal = (value: string) =>
    value.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
  return hasher.hash(['demo-v1', normal(name), dob, normal(gender)].join('\u001f'))
}
