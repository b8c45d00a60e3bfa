import { sql } from 'kysely'
import type { MigrationHistory } from '../../../platform/db/index.js'
import { seededTransactionTypes } from '../vocabulary/transaction-type.js'
import { createDedupeTables } from './dedupe.ddl.js'
import { createRegistrationTables } from './registration.ddl.js'

/** MOSIP's `regprc` schema (mosip_regprc): the registration processor's workflow state. */
export const regprcHistory: MigrationHistory = {
  schema: 'regprc',
  migrations: {
    '0001_create_workflow_tables': { up: createRegistrationTables },
    '0002_create_dedupe_tables': { up: createDedupeTables },
    '0003_seed_transaction_type': {
      async up(db) {
        const rows = seededTransactionTypes.map(
          (code) => sql`(${code}, 'transaction done', 'eng', true, 'SYSTEM', now())`,
        )
        await sql`
          insert into regprc.transaction_type (code, descr, lang_code, is_active, cr_by, cr_dtimes)
          values ${sql.join(rows)}`.execute(db)
      },
    },
  },
}
