import { createFieldCipher, createKeyedHasher, type KeyStore } from '../../platform/crypto/index.js'
import { AppError } from '../../platform/errors.js'
import { idRepoErrors } from './errors.js'
import type { Identity, IdentityValue } from './identity-data.js'
import { pinKeyStore } from './pinned-key-store.js'

/** Key-store purposes of the repository's keyed hashes: separate, so the hashes are unlinkable. */
export const idRepoHashPurposes = {
  uin: 'hash-uin',
  identityData: 'hash-uin-data',
  channel: 'hash-channel',
} as const

/**
 * Everything the repository does with keys. Every ciphertext is bound to the individual's
 * `uin_ref_id` (FieldCipher derives the AES key per record and binds record and field as GCM
 * associated data), so each person's data is under their own derived key, as in MOSIP's
 * zero-knowledge scheme; see docs/identity.md for why this scheme.
 */
export interface IdRepoCrypto {
  /** `uin_hash`: HMAC-SHA256 of the UIN under a master-protected key (no salt table to steal). */
  uinHash(uin: string): Promise<string>
  /** The UIN's hash under every `hash-uin` key, for lookups during a re-keying. */
  uinLookupHashes(uin: string): Promise<string[]>
  encryptUin(uin: string, recordId: string): Promise<string>
  decryptUin(stored: string, recordId: string): Promise<string>
  /** `uin_data`: a JSON object whose attribute values are each encrypted separately. */
  encryptIdentity(identity: Identity, uinRefId: string): Promise<Uint8Array>
  decryptIdentity(stored: Uint8Array, uinRefId: string): Promise<Identity>
  /** `uin_data_hash`: keyed hash of the canonical plaintext identity (detects removed attributes). */
  identityHash(identity: Identity): Promise<string>
  identityHashMatches(identity: Identity, stored: string): Promise<boolean>
  /** `channel_info.hashed_channel` of a phone number or email address. */
  channelHash(channel: string): Promise<string>
}

interface StoredIdentity {
  v: 1
  attributes: Record<string, string>
}

/** Hands out IdRepoCrypto sessions whose keys are loaded up front (see pinKeyStore). */
export interface IdRepoKeyring {
  /** Keys as of at most `refreshMs` ago; safe to use inside a transaction. */
  session(): Promise<IdRepoCrypto>
}

/** The purposes a session needs: the platform's field keys and the repository's hash keys. */
const sessionPurposes = [
  { purpose: 'field', algorithm: 'AES-256' },
  ...Object.values(idRepoHashPurposes).map((purpose) => ({
    purpose,
    algorithm: 'HMAC-SHA256' as const,
  })),
] as const

export function createIdRepoKeyring(
  keys: KeyStore,
  options: { refreshMs?: number } = {},
): IdRepoKeyring {
  const refreshMs = options.refreshMs ?? 5_000
  let current: { crypto: Promise<IdRepoCrypto>; until: number } | undefined
  return {
    session() {
      if (!current || current.until <= Date.now()) {
        const crypto = pinKeyStore(keys, sessionPurposes).then(createIdRepoCrypto)
        current = { crypto, until: Date.now() + refreshMs }
        crypto.catch(() => (current = undefined))
      }
      return current.crypto
    },
  }
}

/** The repository's crypto over a key store (normally a pinned one). */
export function createIdRepoCrypto(keys: KeyStore): IdRepoCrypto {
  const cipher = createFieldCipher(keys)
  const uinHasher = createKeyedHasher(keys, { purpose: idRepoHashPurposes.uin })
  const dataHasher = createKeyedHasher(keys, { purpose: idRepoHashPurposes.identityData })
  const channelHasher = createKeyedHasher(keys, { purpose: idRepoHashPurposes.channel })

  const decrypting = async <T>(recordId: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('MOS-CRY-'))
        throw idRepoErrors.decryptionFailed(recordId, error)
      throw error
    }
  }

  return {
    uinHash: (uin) => uinHasher.hash(uin),
    uinLookupHashes: (uin) => uinHasher.lookupHashes(uin),
    encryptUin: (uin, recordId) => cipher.encrypt(uin, { recordId, field: 'uin' }),
    decryptUin: (stored, recordId) =>
      decrypting(recordId, () => cipher.decrypt(stored, { recordId, field: 'uin' })),

    async encryptIdentity(identity, uinRefId) {
      const attributes: Record<string, string> = {}
      for (const [name, value] of Object.entries(identity)) {
        attributes[name] = await cipher.encrypt(JSON.stringify(value), {
          recordId: uinRefId,
          field: `identity.${name}`,
        })
      }
      const stored: StoredIdentity = { v: 1, attributes }
      return Buffer.from(JSON.stringify(stored), 'utf8')
    },

    async decryptIdentity(stored, uinRefId) {
      return decrypting(uinRefId, async () => {
        const parsed = parseStored(stored, uinRefId)
        const identity: Identity = {}
        for (const [name, value] of Object.entries(parsed.attributes)) {
          const plain = await cipher.decrypt(value, {
            recordId: uinRefId,
            field: `identity.${name}`,
          })
          identity[name] = JSON.parse(plain) as IdentityValue
        }
        return identity
      })
    },

    identityHash: (identity) => dataHasher.hash(canonicalJson(identity)),
    async identityHashMatches(identity, stored) {
      return (await dataHasher.lookupHashes(canonicalJson(identity))).includes(stored)
    },
    channelHash: (channel) => channelHasher.hash(channel.trim().toLowerCase()),
  }
}

function parseStored(stored: Uint8Array, uinRefId: string): StoredIdentity {
  try {
    const value = JSON.parse(Buffer.from(stored).toString('utf8')) as StoredIdentity
    if (value.v === 1 && typeof value.attributes === 'object' && value.attributes !== null) {
      if (Object.values(value.attributes).every((v) => typeof v === 'string')) return value
    }
  } catch {
    // falls through to the error below
  }
  throw idRepoErrors.decryptionFailed(uinRefId, new Error('uin_data is not a stored identity'))
}

/** JSON with object keys sorted at every level, so equal identities hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
