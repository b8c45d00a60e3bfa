import type { KeyAlgorithm, KeyStatus } from './key-algorithm.js'

/** A row of keys.key: one key, its secret part wrapped under the master key. */
export interface KeyRow {
  kid: string
  purpose: string
  algorithm: KeyAlgorithm
  status: KeyStatus
  /** SPKI DER in base64, for asymmetric keys. */
  public_key: string | null
  /** `w1.<iv>.<ciphertext+tag>`, see key-wrapper.ts. */
  wrapped_secret: string
  created_at: Date
  retired_at: Date | null
}

/** The single row of keys.master_key_check: recognises the master key the store was made with. */
export interface MasterKeyCheckRow {
  id: number
  fingerprint: string
}

/** Tables of the key store's `keys` schema. */
export type KeyStoreTables = {
  'keys.key': KeyRow
  'keys.master_key_check': MasterKeyCheckRow
}
