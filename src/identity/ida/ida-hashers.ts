import { createKeyedHasher, type KeyStore } from '../../platform/crypto/index.js'
import type { IdaHashers } from './ida.service.js'

/**
 * ID authentication's keyed hashes, by key-store purpose. Everything that writes or reads
 * ida.auth_transaction (the service, the seed) must use these, or its rows will not match.
 */
export function createIdaHashers(keys: KeyStore): IdaHashers & { otp: IdaHashers['ref'] } {
  return {
    ref: createKeyedHasher(keys, { purpose: 'ida-ref' }),
    token: createKeyedHasher(keys, { purpose: 'ida-token' }),
    otp: createKeyedHasher(keys, { purpose: 'ida-otp' }),
  }
}
