import {
  cryptoErrors,
  type KeyAlgorithm,
  type KeyStore,
  type StoredKey,
} from '../../platform/crypto/index.js'

/**
 * A read-only copy of some purposes of the key store, loaded before a transaction starts.
 * Why: the key store reads its table through the shared handle, and on PGlite (one connection)
 * a transaction holds that connection until it ends, so a key lookup inside it would wait for
 * ever. With the keys pinned, encryption and hashing inside a transaction touch no database.
 */
export async function pinKeyStore(
  store: KeyStore,
  purposes: readonly { purpose: string; algorithm: KeyAlgorithm }[],
): Promise<KeyStore> {
  const active = new Map<string, StoredKey>()
  const byPurpose = new Map<string, StoredKey[]>()
  const byKid = new Map<string, StoredKey>()
  for (const { purpose, algorithm } of purposes) {
    active.set(purpose, await store.activeKey(purpose, algorithm))
    const keys = await store.keys(purpose)
    byPurpose.set(purpose, keys)
    for (const key of keys) byKid.set(key.kid, key)
  }
  return {
    async activeKey(purpose, algorithm) {
      const key = active.get(purpose)
      if (!key) return store.activeKey(purpose, algorithm)
      if (key.algorithm !== algorithm)
        throw cryptoErrors.keyAlgorithmMismatch(purpose, algorithm, key.algorithm)
      return key
    },
    // A kid newer than the copy (another process rotated since) is read from the store.
    key: async (kid) => byKid.get(kid) ?? store.key(kid),
    keys: async (purpose) => byPurpose.get(purpose) ?? store.keys(purpose),
    rotate: () => Promise.reject(cryptoErrors.invalidInput('rotation through a pinned key store')),
  }
}
