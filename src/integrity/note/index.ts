export * from './signed-note.js'
export * from './checkpoint.js'
export * from './cosignature.js'
export * from './witness-request.js'
export * from './tlog-proof.js'
export {
  ed25519PrivateKeyFromSeed,
  ed25519PublicKeyFromRaw,
  ed25519RawPublicKey,
  ed25519Seed,
} from './ed25519-keys.js'
