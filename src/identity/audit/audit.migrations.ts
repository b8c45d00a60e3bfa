import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { createChangeCaptureIndex } from '../change-capture-index.js'

/** MOSIP's `audit` schema (mosip_audit): the append-only application audit log. */
export const auditHistory: MigrationHistory = {
  schema: 'audit',
  migrations: {
    '0001_create_app_audit_log': {
      async up(db) {
        // Column names, types and nullability as in MOSIP's audit-app_audit_log.sql.
        await sql`
          create table audit.app_audit_log (
            log_id varchar(64) primary key,
            log_dtimes timestamp not null,
            log_desc varchar(2048),
            event_id varchar(64) not null,
            event_type varchar(64) not null,
            event_name varchar(128) not null,
            action_dtimes timestamp not null,
            host_name varchar(128) not null,
            host_ip varchar(256) not null,
            session_user_id varchar(256) not null,
            session_user_name varchar(128),
            app_id varchar(64) not null,
            app_name varchar(128) not null,
            module_id varchar(64),
            module_name varchar(128),
            ref_id varchar(64),
            ref_id_type varchar(64),
            cr_by varchar(256) not null
          )`.execute(db)
        await sql`create index idx_app_audit_log_action on audit.app_audit_log (action_dtimes)`.execute(
          db,
        )
        await sql`create index idx_app_audit_log_ref on audit.app_audit_log (ref_id, ref_id_type)`.execute(
          db,
        )
      },
    },
    '0002_create_change_capture_indexes': {
      // For the reporting module's change data capture (see change-capture-index.ts).
      async up(db) {
        await createChangeCaptureIndex(db, 'audit.app_audit_log', ['log_dtimes'], ['log_id'])
      },
    },
  },
}
