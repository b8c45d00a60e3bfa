import { type QueryExecutorProvider, sql } from 'kysely'
import {
  fieldCiphertextPattern,
  type FieldCipher,
  type FieldContext,
} from '../../platform/crypto/index.js'
import { contactPersonContext, operatorNameContext } from './personal-columns.js'

interface Target {
  readonly table: string
  readonly column: string
  readonly context: (row: { id: string; lang_code: string | null }) => FieldContext
}

const operatorName = (row: { id: string }) => operatorNameContext(row.id)
const contactPerson = (row: { id: string; lang_code: string | null }) =>
  contactPersonContext(row.id, row.lang_code ?? '')

const targets: readonly Target[] = [
  { table: 'master.user_detail', column: 'name', context: operatorName },
  { table: 'master.user_detail_h', column: 'name', context: operatorName },
  { table: 'master.registration_center', column: 'contact_person', context: contactPerson },
  { table: 'master.registration_center_h', column: 'contact_person', context: contactPerson },
]

/**
 * Encrypts the operator names and center contact people that an earlier version stored in
 * plaintext; returns how many values it sealed (0 once done, which is every start after the
 * first). Safe to run from several processes at once: a value is replaced only while it still
 * holds the plaintext that was read.
 */
export async function sealPlaintextPersonalColumns(
  db: QueryExecutorProvider,
  cipher: FieldCipher,
): Promise<number> {
  let sealed = 0
  for (const target of targets) {
    const table = sql.table(target.table)
    const column = sql.ref(target.column)
    const { rows } = await sql<{
      row_ref: string
      id: string
      lang_code: string | null
      value: string
    }>`select ctid::text as row_ref, id, lang_code, ${column} as value from ${table}
      where ${column} is not null and ${column} !~ ${fieldCiphertextPattern}`.execute(db)
    for (const row of rows) {
      const stored = await cipher.encrypt(row.value, target.context(row))
      const result = await sql`update ${table} set ${column} = ${stored}
        where ctid = ${row.row_ref}::tid and ${column} = ${row.value}`.execute(db)
      sealed += Number(result.numAffectedRows ?? 0n)
    }
  }
  return sealed
}
