import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { IdRepoCrypto } from './idrepo-crypto.js'
import type { BiometricRef, DocumentRef, Identity } from './identity-data.js'
import type { IdRepoTables } from './idrepo.tables.js'

/**
 * MOSIP's anonymous profile of an issuance or update, for reporting: year of birth, gender,
 * contact channels present, document categories and biometric types. No name, contact or
 * address value, nothing that identifies the person alone.
 */
export interface AnonymousProfile {
  yearOfBirth: string | null
  gender: string | null
  channel: string[]
  documents: string[]
  biometricInfo: { type: string }[]
}

export function anonymousProfileOf(
  identity: Identity,
  documents: readonly DocumentRef[],
  biometrics: readonly BiometricRef[],
): AnonymousProfile {
  const dob = identity.dateOfBirth
  const gender = identity.gender
  return {
    yearOfBirth: typeof dob === 'string' && /^\d{4}/.test(dob) ? dob.slice(0, 4) : null,
    gender: Array.isArray(gender) ? (gender[0]?.value ?? null) : null,
    channel: channelsOf(identity).map(([type]) => type),
    documents: documents.map((doc) => doc.category),
    biometricInfo: biometrics.map((bio) => ({ type: bio.type })),
  }
}

/** The contact channels of an identity, as MOSIP's channel types. */
export function channelsOf(identity: Identity): [type: 'PHONE' | 'EMAIL', value: string][] {
  const out: [type: 'PHONE' | 'EMAIL', value: string][] = []
  if (typeof identity.phone === 'string' && identity.phone) out.push(['PHONE', identity.phone])
  if (typeof identity.email === 'string' && identity.email) out.push(['EMAIL', identity.email])
  return out
}

export async function insertAnonymousProfile(
  trx: Transaction<object>,
  processName: 'NEW' | 'UPDATE',
  oldProfile: AnonymousProfile | null,
  newProfile: AnonymousProfile,
  actor: string,
  at: Date,
): Promise<void> {
  const profile = { processName, date: at.toISOString().slice(0, 10), oldProfile, newProfile }
  await trx
    .withTables<IdRepoTables>()
    .insertInto('idrepo.anonymous_profile')
    .values({ id: randomUUID(), profile: JSON.stringify(profile), cr_by: actor, cr_dtimes: at })
    .execute()
}

/** Moves channel_info counts from the old identity's channels to the new one's. */
export async function recountChannels(
  trx: Transaction<object>,
  crypto: IdRepoCrypto,
  before: Identity | null,
  after: Identity,
  actor: string,
  at: Date,
): Promise<void> {
  const old = new Map(before ? channelsOf(before) : [])
  const now = new Map(channelsOf(after))
  for (const [type, value] of now) {
    if (old.get(type) === value) continue
    await bump(trx, await crypto.channelHash(value), type, 1, actor, at)
    const previous = old.get(type)
    if (previous) await bump(trx, await crypto.channelHash(previous), type, -1, actor, at)
  }
}

async function bump(
  trx: Transaction<object>,
  hash: string,
  type: string,
  delta: number,
  actor: string,
  at: Date,
): Promise<void> {
  await sql`
    insert into idrepo.channel_info (hashed_channel, channel_type, no_of_records, cr_by, cr_dtimes)
    values (${hash}, ${type}, greatest(${delta}, 0), ${actor}, ${at})
    on conflict (hashed_channel) do update
      set no_of_records = greatest(idrepo.channel_info.no_of_records + ${delta}, 0),
          upd_by = ${actor}, upd_dtimes = ${at}`.execute(trx)
}
