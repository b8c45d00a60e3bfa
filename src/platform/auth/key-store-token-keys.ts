import type { KeyStore } from '../crypto/index.js'
import { publicJwk } from '../crypto/index.js'
import type { TokenKeys } from './token-keys.js'

const purpose = 'auth-jwt'

/** Staff token keys kept in the platform key store: Ed25519, rotated with `mosaic keys rotate auth-jwt`. */
export function tokenKeysFromStore(store: KeyStore): TokenKeys {
  return {
    async current() {
      const key = await store.activeKey(purpose, 'Ed25519')
      return { kid: key.kid, alg: 'EdDSA', privateKey: key.secretKey }
    },
    async publicKey(kid) {
      try {
        const key = await store.key(kid)
        return key.purpose === purpose ? key.publicKey : null
      } catch {
        return null
      }
    },
    async jwks() {
      const keys = await store.keys(purpose)
      return keys.flatMap((key) =>
        key.publicKey && key.algorithm === 'Ed25519'
          ? [{ ...publicJwk(key.kid, key.algorithm, key.publicKey) }]
          : [],
      )
    },
  }
}
