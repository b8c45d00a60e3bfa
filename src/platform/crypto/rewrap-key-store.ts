import type { Db } from '../db/index.js'
import { cryptoErrors } from './errors.js'
import type { KeyStoreTables } from './key-store.tables.js'
import { createKeyWrapper } from './key-wrapper.js'

/**
 * Re-encrypts every key in the store under a new master key, in one transaction: afterwards
 * only `newMasterKey` opens the store. Data keys are unchanged, so no stored data is touched.
 * Stop every process first (a process still running keeps the old key in memory and would
 * fail its next start until it is given the new one). Returns how many keys were re-wrapped.
 */
export async function rewrapKeyStore(
  db: Db,
  oldMasterKey: Buffer,
  newMasterKey: Buffer,
): Promise<number> {
  const oldWrapper = createKeyWrapper(oldMasterKey)
  const newWrapper = createKeyWrapper(newMasterKey)
  return db
    .withTables<KeyStoreTables>()
    .transaction()
    .execute(async (trx) => {
      const check = await trx
        .selectFrom('keys.master_key_check')
        .select('fingerprint')
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirst()
      if (check && check.fingerprint !== oldWrapper.fingerprint)
        throw cryptoErrors.masterKeyMismatch()
      const rows = await trx.selectFrom('keys.key').selectAll().forUpdate().execute()
      for (const row of rows) {
        const secret = oldWrapper.unwrap(row.wrapped_secret, row)
        if (!secret)
          throw cryptoErrors.keyUnusable(
            row.kid,
            'its secret does not decrypt under the old master key',
          )
        await trx
          .updateTable('keys.key')
          .set({ wrapped_secret: newWrapper.wrap(secret, row) })
          .where('kid', '=', row.kid)
          .execute()
        secret.fill(0)
      }
      await trx
        .insertInto('keys.master_key_check')
        .values({ id: 1, fingerprint: newWrapper.fingerprint })
        .onConflict((oc) => oc.column('id').doUpdateSet({ fingerprint: newWrapper.fingerprint }))
        .execute()
      return rows.length
    })
}
