import { createHash } from 'node:crypto'
import type { FieldCipher, FieldContext } from '../../platform/crypto/index.js'
import { AppError } from '../../platform/errors.js'
import { masterErrors } from './errors.js'
import type { CenterRow, UserDetailRow } from './master.tables.js'

/**
 * The master-data columns that hold a natural person's data. Each value is a FieldCipher
 * ciphertext (AES-256-GCM, key derived per record, record and column bound as associated data),
 * so a value copied to another row (another user, another center or language) does not
 * decrypt. The `_h` history rows keep the record's id (and language), so their copies decrypt
 * with the same context. Center addresses and phone numbers are the center's own, public
 * business data, and stay plain.
 */
export const personalColumns = {
  operatorName: 'master.user_detail.name',
  contactPerson: 'master.registration_center.contact_person',
} as const

/** FieldCipher record ids stop at 200 characters; MOSIP allows user ids of 256 (no `:` in them). */
function userRecordId(userId: string): string {
  return userId.length <= 200
    ? userId
    : `sha256:${createHash('sha256').update(userId).digest('hex')}`
}

export function operatorNameContext(userId: string): FieldContext {
  return { recordId: userRecordId(userId), field: personalColumns.operatorName }
}

export function contactPersonContext(centerId: string, langCode: string): FieldContext {
  return { recordId: `${centerId}/${langCode}`, field: personalColumns.contactPerson }
}

/** `user_detail.name` as stored: the operator's name encrypted under their user id. */
export function encryptOperatorName(
  cipher: FieldCipher,
  userId: string,
  name: string,
): Promise<string> {
  return cipher.encrypt(name, operatorNameContext(userId))
}

/** `registration_center.contact_person` as stored, for one language row of the center. */
export function encryptContactPerson(
  cipher: FieldCipher,
  centerId: string,
  langCode: string,
  contactPerson: string,
): Promise<string> {
  return cipher.encrypt(contactPerson, contactPersonContext(centerId, langCode))
}

/** The row with its operator name decrypted, for administrators. */
export async function withOperatorName<R extends Pick<UserDetailRow, 'id' | 'name'>>(
  cipher: FieldCipher,
  row: R,
): Promise<R> {
  if (row.name === null) return row
  const name = await opening(row.id, 'name', () =>
    cipher.decrypt(row.name ?? '', operatorNameContext(row.id)),
  )
  return { ...row, name }
}

/** The row with its contact person decrypted, for administrators. */
export async function withContactPerson<
  R extends Pick<CenterRow, 'id' | 'lang_code' | 'contact_person'>,
>(cipher: FieldCipher, row: R): Promise<R> {
  if (row.contact_person === null) return row
  const context = contactPersonContext(row.id, row.lang_code ?? '')
  const contactPerson = await opening(row.id, 'contact person', () =>
    cipher.decrypt(row.contact_person ?? '', context),
  )
  return { ...row, contact_person: contactPerson }
}

async function opening(id: string, what: string, work: () => Promise<string>): Promise<string> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('MOS-CRY-'))
      throw masterErrors.personalDataUnreadable(what, id, error)
    throw error
  }
}
