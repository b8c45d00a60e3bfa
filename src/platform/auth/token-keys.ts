import type { KeyObject } from 'node:crypto'
import type { JWK } from 'jose'

/**
 * The signing keys behind staff access tokens. The key store provides them; rotation keeps
 * retired keys for verification until every token they signed has expired.
 */
export interface TokenKeys {
  current(): Promise<{ kid: string; alg: 'EdDSA' | 'ES256'; privateKey: KeyObject }>
  /** The public key for a kid, or null when the kid is unknown. */
  publicKey(kid: string): Promise<KeyObject | null>
  /** Every key a verifier should accept, for /.well-known/jwks.json. */
  jwks(): Promise<JWK[]>
}
