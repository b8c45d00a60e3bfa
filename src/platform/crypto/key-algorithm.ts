import { z } from 'zod'

/** Algorithms the key store holds keys for. */
export const keyAlgorithms = ['Ed25519', 'P-256', 'AES-256', 'HMAC-SHA256'] as const
export type KeyAlgorithm = (typeof keyAlgorithms)[number]

/** The asymmetric algorithms, used for signatures. */
export type SigningAlgorithm = Extract<KeyAlgorithm, 'Ed25519' | 'P-256'>

/** JOSE `alg` of each signing algorithm (RFC 8037 EdDSA, RFC 7518 ES256). */
export const joseAlgorithm = { Ed25519: 'EdDSA', 'P-256': 'ES256' } as const satisfies Record<
  SigningAlgorithm,
  string
>
export type JoseAlgorithm = (typeof joseAlgorithm)[SigningAlgorithm]

export type KeyStatus = 'active' | 'retired'

/** Lower-case words and dashes, e.g. `auth-jwt`, `field`, `hash-phone`. */
export const purposeSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/)
export const keyAlgorithmSchema = z.enum(keyAlgorithms)

/** True for algorithms whose keys sign and verify. */
export function isSigningAlgorithm(algorithm: KeyAlgorithm): algorithm is SigningAlgorithm {
  return algorithm === 'Ed25519' || algorithm === 'P-256'
}
