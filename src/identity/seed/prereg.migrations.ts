import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { mosipAuditColumns } from '../mosip-audit-columns.js'

/**
 * A minimal `prereg` schema (MOSIP's mosip_prereg): the two tables MOSIP's reporting reads,
 * with MOSIP's names. Nothing else in Mosaic defines pre-registration yet; the resident module
 * may take it over. Deviations: `demog_detail` (the encrypted application) is not kept, only
 * its hash; `source_ip` and `source_country` are added (MOSIP keeps them only in its HTTP
 * logs) because the fraud rules on pre-registrations from abroad or from one host need them.
 */
export const preregHistory: MigrationHistory = {
  schema: 'prereg',
  migrations: {
    '0001_create_prereg_tables': {
      async up(db) {
        await sql`create table prereg.applicant_demographic (
          prereg_id varchar(36) not null primary key,
          demog_detail_hash varchar(64) not null,
          status_code varchar(36) not null,
          lang_code varchar(3) not null,
          cr_appuser_id varchar(256) not null,
          source_ip varchar(45),
          source_country varchar(2),
          ${mosipAuditColumns})`.execute(db)
        await sql`create index idx_appldem_source_ip on prereg.applicant_demographic (source_ip)`.execute(
          db,
        )
        await sql`create table prereg.reg_appointment (
          id varchar(36) not null primary key,
          regcntr_id varchar(10) not null,
          prereg_id varchar(36) not null unique,
          booking_dtimes timestamp not null,
          appointment_date date,
          slot_from_time time,
          slot_to_time time,
          lang_code varchar(3) not null,
          ${mosipAuditColumns})`.execute(db)
      },
    },
  },
}
