import { type KeyObject, sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import { cryptoErrors } from './errors.js'
import {
  isSigningAlgorithm,
  type JoseAlgorithm,
  joseAlgorithm,
  type SigningAlgorithm,
} from './key-algorithm.js'
import type { KeyStore, StoredKey } from './key-store.js'
import { type PublicJwk, publicJwk } from './public-jwk.js'

/** A detached signature and the key that made it. */
export interface Signature {
  readonly kid: string
  readonly algorithm: SigningAlgorithm
  /** Ed25519: 64 bytes. P-256: r || s, 64 bytes (IEEE P1363, as JOSE and COSE use). */
  readonly signature: Buffer
}

/** A signing key for libraries that sign themselves (e.g. `new SignJWT().sign(privateKey)`). */
export interface SigningKey {
  readonly kid: string
  readonly algorithm: SigningAlgorithm
  readonly alg: JoseAlgorithm
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
}

/** Signs with the key store's Ed25519 and P-256 keys and publishes their public halves. */
export interface Signer {
  /** Signs with the purpose's active key, creating it (as `algorithm`) on first use. */
  sign(purpose: string, data: Uint8Array, algorithm?: SigningAlgorithm): Promise<Signature>
  /**
   * True when key `kid` made `signature` over `data`. Retired keys still verify. False for an
   * unknown kid, a key that does not sign, or a key of another purpose than `options.purpose`.
   */
  verify(
    kid: string,
    data: Uint8Array,
    signature: Uint8Array,
    options?: { purpose?: string },
  ): Promise<boolean>
  /** The purpose's active key as KeyObjects, for JOSE/COSE libraries. */
  signingKey(purpose: string, algorithm?: SigningAlgorithm): Promise<SigningKey>
  /** Public JWKs of every key of a purpose (active and retired), for a JWKS endpoint. */
  jwks(purpose: string): Promise<{ keys: PublicJwk[] }>
}

/** Creates a Signer over `store`; `algorithm` defaults to Ed25519. */
export function createSigner(store: KeyStore): Signer {
  const signingKey = async (
    purpose: string,
    algorithm: SigningAlgorithm = 'Ed25519',
  ): Promise<SigningKey> => {
    const key = await store.activeKey(purpose, algorithm)
    return asSigningKey(key)
  }

  return {
    signingKey,

    async sign(purpose, data, algorithm) {
      const key = await signingKey(purpose, algorithm)
      const signature = nodeSign(digestOf(key.algorithm), data, {
        key: key.privateKey,
        dsaEncoding: 'ieee-p1363',
      })
      return { kid: key.kid, algorithm: key.algorithm, signature }
    },

    async verify(kid, data, signature, options = {}) {
      let key: StoredKey
      try {
        key = await store.key(kid)
      } catch (error) {
        if ((error as { code?: string }).code === 'MOS-CRY-003') return false
        throw error
      }
      if (options.purpose !== undefined && key.purpose !== options.purpose) return false
      if (!isSigningAlgorithm(key.algorithm) || !key.publicKey) return false
      return nodeVerify(
        digestOf(key.algorithm),
        data,
        { key: key.publicKey, dsaEncoding: 'ieee-p1363' },
        signature,
      )
    },

    async jwks(purpose) {
      const keys = await store.keys(purpose)
      return {
        keys: keys.flatMap((key) =>
          isSigningAlgorithm(key.algorithm) && key.publicKey
            ? [publicJwk(key.kid, key.algorithm, key.publicKey)]
            : [],
        ),
      }
    },
  }
}

function asSigningKey(key: StoredKey): SigningKey {
  if (!isSigningAlgorithm(key.algorithm) || !key.publicKey) {
    throw cryptoErrors.keyUnusable(key.kid, `${key.algorithm} keys do not sign`)
  }
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    alg: joseAlgorithm[key.algorithm],
    privateKey: key.secretKey,
    publicKey: key.publicKey,
  }
}

// Ed25519 hashes internally (PureEdDSA), so Node takes no digest for it.
function digestOf(algorithm: SigningAlgorithm): string | null {
  return algorithm === 'Ed25519' ? null : 'sha256'
}
