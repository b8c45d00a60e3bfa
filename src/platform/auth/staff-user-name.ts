import type { FieldCipher, FieldContext } from '../crypto/index.js'
import { AppError } from '../errors.js'
import type { StaffUser } from './auth.tables.js'
import { authErrors } from './errors.js'

/** The column holding a staff member's name: a FieldCipher value, never plaintext. */
export const staffNameColumn = 'auth.staff_user.display_name'

/**
 * Binds a stored name to its user and column (key derivation and associated data), so a value
 * copied onto another user's row does not decrypt there.
 */
export function staffNameContext(userId: string): FieldContext {
  return { recordId: userId, field: staffNameColumn }
}

/** `display_name` as stored. Call it before any transaction: the cipher reads the key store. */
export function encryptStaffName(
  cipher: FieldCipher,
  userId: string,
  displayName: string,
): Promise<string> {
  return cipher.encrypt(displayName, staffNameContext(userId))
}

/** The stored row with its name decrypted; MOS-AUT-500 when the value is not this user's. */
export async function openStaffUser(cipher: FieldCipher, row: StaffUser): Promise<StaffUser> {
  try {
    return {
      ...row,
      display_name: await cipher.decrypt(row.display_name, staffNameContext(row.id)),
    }
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('MOS-CRY-'))
      throw authErrors.staffNameUnreadable(row.id, error)
    throw error
  }
}
