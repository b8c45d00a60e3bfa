import { type Kysely, sql } from 'kysely'
import { fieldCiphertextPattern, type FieldCipher } from '../crypto/index.js'
import type { AuthTables } from './auth.tables.js'
import { encryptStaffName } from './staff-user-name.js'

/**
 * Encrypts the staff names an earlier version stored in plaintext; returns how many it sealed
 * (0 once done, which is every start after the first). Safe to run from several processes at
 * once: a value is replaced only while it still holds the plaintext that was read. Runs outside
 * any transaction, so the cipher's key-store reads never wait on PGlite's single connection.
 */
export async function sealPlaintextStaffNames(
  db: Kysely<AuthTables>,
  cipher: FieldCipher,
): Promise<number> {
  const rows = await db
    .selectFrom('auth.staff_user')
    .select(['id', 'display_name'])
    .where(sql<boolean>`display_name !~ ${fieldCiphertextPattern}`)
    .execute()
  let sealed = 0
  for (const row of rows) {
    const stored = await encryptStaffName(cipher, row.id, row.display_name)
    const result = await db
      .updateTable('auth.staff_user')
      .set({ display_name: stored })
      .where('id', '=', row.id)
      .where('display_name', '=', row.display_name)
      .executeTakeFirst()
    sealed += Number(result.numUpdatedRows)
  }
  return sealed
}
