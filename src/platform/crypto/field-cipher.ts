/**
 * Where an encrypted value belongs. Both parts are bound into the ciphertext (key derivation
 * and associated data), so a value copied to another record or field fails to decrypt.
 */
export interface FieldContext {
  /** Stable id of the record the value belongs to (a person, a message, ...). */
  readonly recordId: string
  /** Name of the field, e.g. "recipient". */
  readonly field: string
}

/**
 * Encrypts personal data for storage: AES-256-GCM under a key derived per record from a data
 * key in the key store. Ciphertexts name their key, so rotation never strands old data.
 *
 * @example
 * const stored = await cipher.encrypt('+254700000001', { recordId: messageId, field: 'recipient' })
 * const phone = await cipher.decrypt(stored, { recordId: messageId, field: 'recipient' })
 */
export interface FieldCipher {
  encrypt(plaintext: string, context: FieldContext): Promise<string>
  /** Throws when the value was altered or belongs to another record or field. */
  decrypt(ciphertext: string, context: FieldContext): Promise<string>
}

/**
 * A PostgreSQL regular expression matching stored FieldCipher values (`f<version>.<kid>.<iv>.
 * <body>`), for finding values still in plaintext (`column !~ fieldCiphertextPattern`).
 */
export const fieldCiphertextPattern = '^f[0-9]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$'
