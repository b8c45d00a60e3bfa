import { createHmac } from 'node:crypto'
import type { KeyStore } from './key-store.js'

/**
 * Keyed hashes (HMAC-SHA256) of identifiers, for looking records up without storing the
 * identifier in plaintext (as MOSIP's uin_hash). The same value gives the same hash in every
 * process, for as long as the purpose's key is not rotated.
 */
export interface KeyedHasher {
  /** Lower-case hex HMAC-SHA256 of `value` (UTF-8) under the purpose's active key. */
  hash(value: string): Promise<string>
  /**
   * The hash under every key of the purpose, active key first: during a planned re-keying,
   * look up `where hash in (...)` until every stored hash has been recomputed.
   */
  lookupHashes(value: string): Promise<string[]>
}

export interface KeyedHasherOptions {
  /** Key-store purpose (default `hash`); use one purpose per kind of identifier if they must not be linkable. */
  purpose?: string
}

/**
 * Creates a KeyedHasher. Callers normalise values first (trim, case, digits only): the hash
 * sees exact bytes.
 */
export function createKeyedHasher(store: KeyStore, options: KeyedHasherOptions = {}): KeyedHasher {
  const purpose = options.purpose ?? 'hash'
  return {
    async hash(value) {
      const key = await store.activeKey(purpose, 'HMAC-SHA256')
      return createHmac('sha256', key.secretKey).update(value, 'utf8').digest('hex')
    },
    async lookupHashes(value) {
      await store.activeKey(purpose, 'HMAC-SHA256')
      const keys = await store.keys(purpose)
      const ordered = [
        ...keys.filter((k) => k.status === 'active'),
        ...keys.filter((k) => k.status !== 'active'),
      ]
      return ordered
        .filter((key) => key.algorithm === 'HMAC-SHA256')
        .map((key) => createHmac('sha256', key.secretKey).update(value, 'utf8').digest('hex'))
    },
  }
}
