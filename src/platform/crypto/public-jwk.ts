import type { KeyObject } from 'node:crypto'
import { type JoseAlgorithm, joseAlgorithm, type SigningAlgorithm } from './key-algorithm.js'

/** A public signing key as published in a JWKS (RFC 7517). */
export interface PublicJwk {
  readonly kty: 'OKP' | 'EC'
  readonly crv: 'Ed25519' | 'P-256'
  readonly x: string
  readonly y?: string
  readonly kid: string
  readonly alg: JoseAlgorithm
  readonly use: 'sig'
}

/** The JWK of a public key, with the kid, alg and use a JWKS consumer expects. */
export function publicJwk(
  kid: string,
  algorithm: SigningAlgorithm,
  publicKey: KeyObject,
): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' })
  if (typeof jwk.x !== 'string') throw new TypeError(`Key ${kid} is not a public ${algorithm} key`)
  return {
    kty: algorithm === 'Ed25519' ? 'OKP' : 'EC',
    crv: algorithm,
    x: jwk.x,
    ...(typeof jwk.y === 'string' && { y: jwk.y }),
    kid,
    alg: joseAlgorithm[algorithm],
    use: 'sig',
  }
}
