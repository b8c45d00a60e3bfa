export { fieldCiphertextPattern, type FieldCipher, type FieldContext } from './field-cipher.js'
export { createFieldCipher, type FieldCipherOptions } from './aes-field-cipher.js'
export { cryptoErrors } from './errors.js'
export {
  isSigningAlgorithm,
  joseAlgorithm,
  keyAlgorithms,
  type JoseAlgorithm,
  type KeyAlgorithm,
  type KeyStatus,
  type SigningAlgorithm,
} from './key-algorithm.js'
export { keyStoreHistory } from './key-store.migrations.js'
export {
  openKeyStore,
  type KeyStore,
  type OpenKeyStoreOptions,
  type StoredKey,
} from './key-store.js'
export type { KeyStoreTables } from './key-store.tables.js'
export { createKeyedHasher, type KeyedHasher, type KeyedHasherOptions } from './keyed-hasher.js'
export { loadMasterKey, type MasterKey } from './master-key.js'
export { publicJwk, type PublicJwk } from './public-jwk.js'
export { rewrapKeyStore } from './rewrap-key-store.js'
export { createSigner, type Signature, type Signer, type SigningKey } from './signer.js'
