import { AppError } from '../errors.js'

/** Errors of the crypto component. None of them carries key material or plaintext. */
export const cryptoErrors = {
  masterKeyMismatch: () =>
    new AppError({
      code: 'MOS-CRY-001',
      status: 500,
      message: 'The master key does not match the key store in this database',
      action:
        'Set MOSAIC_MASTER_KEY (crypto.masterKey) to the master key this database was created ' +
        'with, or restore <home>/master.key from backup. Do not delete the key store: its keys ' +
        'encrypt stored data.',
    }),

  masterKeyFileInvalid: (path: string) =>
    new AppError({
      code: 'MOS-CRY-002',
      status: 500,
      message: `The master key file ${path} does not hold 32 bytes in base64`,
      action: 'Restore the file from backup, or set MOSAIC_MASTER_KEY to the master key.',
    }),

  keyNotFound: (kid: string) =>
    new AppError({
      code: 'MOS-CRY-003',
      status: 500,
      message: `No key with kid ${JSON.stringify(kid.slice(0, 64))} is in the key store`,
      action:
        'The value was made by another deployment or its key was deleted; restore the key store.',
    }),

  keyAlgorithmMismatch: (purpose: string, wanted: string, actual: string) =>
    new AppError({
      code: 'MOS-CRY-004',
      status: 500,
      message: `The active ${purpose} key is ${actual}, not ${wanted}`,
      action: `Rotate the ${purpose} key to ${wanted} (keyStore.rotate) once every process runs code that expects it.`,
    }),

  keyUnusable: (kid: string, reason: string) =>
    new AppError({
      code: 'MOS-CRY-005',
      status: 500,
      message: `Key ${kid} cannot be used: ${reason}`,
      action:
        'Check the code asks for the right key purpose; if the key record was altered, restore it from backup.',
    }),

  ciphertextMalformed: () =>
    new AppError({
      code: 'MOS-CRY-006',
      status: 500,
      message: 'The stored value is not a Mosaic ciphertext',
      action: 'The value was truncated or written by other software; restore it from backup.',
    }),

  decryptionFailed: () =>
    new AppError({
      code: 'MOS-CRY-007',
      status: 500,
      message:
        'The value could not be decrypted: it was altered, or belongs to another record or field',
      action:
        'Check the record id and field name passed to decrypt; otherwise restore the value from backup.',
    }),

  invalidInput: (what: string) =>
    new AppError({
      code: 'MOS-CRY-008',
      status: 500,
      message: `Invalid ${what}`,
      action: 'Fix the calling code; see docs/crypto.md for the accepted values.',
    }),
}
