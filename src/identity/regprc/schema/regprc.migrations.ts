import { sql } from 'kysely'
import type { MigrationHistory } from '../../../platform/db/index.js'
import { seededTransactionTypes } from '../vocabulary/transaction-type.js'
import { createDedupeTables } from './dedupe.ddl.js'
import { createRegistrationTables } from './registration.ddl.js'
import { createChangeCaptureIndex } from '../../change-capture-index.js'

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
    // MOSIP's `regprc-additional_info_request.sql` (no audit columns there either): one row per
    // request for additional information, numbered per RID and process (the iteration).
    '0004_create_additional_info_request': {
      async up(db) {
        await sql`
          create table regprc.additional_info_request (
            additional_info_process varchar(64),
            reg_id varchar(39),
            workflow_instance_id varchar(36) not null,
            timestamp timestamp,
            additional_info_iteration integer,
            additional_info_req_id varchar(256) not null,
            constraint pk_addl_info_req primary key (workflow_instance_id, additional_info_req_id)
          )`.execute(db)
      },
    },
    '0005_create_change_capture_indexes': {
      // For the reporting module's change data capture (see change-capture-index.ts).
      async up(db) {
        for (const table of ['regprc.registration', 'regprc.registration_transaction']) {
          const key = table === 'regprc.registration' ? 'workflow_instance_id' : 'id'
          await createChangeCaptureIndex(db, table, ['upd_dtimes', 'cr_dtimes'], [key])
        }
      },
    },
  },
}
