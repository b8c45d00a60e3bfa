import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { mosipAuditColumns } from '../mosip-audit-columns.js'
import { createChangeCaptureIndex } from '../change-capture-index.js'

/** Columns shared by idrepo.uin and its history idrepo.uin_h. */
const uinColumns = sql.raw(`
  uin_ref_id varchar(36) not null,
  uin varchar(500) not null,
  uin_hash varchar(128) not null,
  uin_data bytea not null,
  uin_data_hash varchar(64) not null,
  reg_id varchar(39) not null,
  bio_ref_id varchar(128),
  status_code varchar(32) not null,
  lang_code varchar(3),`)

const documentColumns = sql.raw(`
  uin_ref_id varchar(36) not null,
  doccat_code varchar(36) not null,
  doctyp_code varchar(64) not null,
  doc_id varchar(128) not null,
  doc_name varchar(128) not null,
  docfmt_code varchar(36) not null,
  doc_hash varchar(64) not null,
  lang_code varchar(3),`)

const biometricColumns = sql.raw(`
  uin_ref_id varchar(36) not null,
  biometric_file_type varchar(36) not null,
  bio_file_id varchar(128) not null,
  biometric_file_name varchar(128) not null,
  biometric_file_hash varchar(64) not null,
  lang_code varchar(3),`)

/**
 * MOSIP's `idrepo` schema (mosip_idrepo): names, types and keys as in MOSIP's DDL. Encrypted
 * columns hold Mosaic field ciphertexts (docs/identity.md, "Encryption").
 */
export const idrepoHistory: MigrationHistory = {
  schema: 'idrepo',
  migrations: {
    '0001_create_uin': {
      async up(db) {
        await sql`create table idrepo.uin (${uinColumns} ${mosipAuditColumns},
          constraint pk_uin primary key (uin_ref_id),
          constraint uk_uin unique (uin),
          constraint uk_uin_hash unique (uin_hash),
          constraint uk_uin_reg_id unique (reg_id))`.execute(db)
        await sql`create table idrepo.uin_h (${uinColumns} eff_dtimes timestamp not null,
          ${mosipAuditColumns},
          constraint pk_uinh primary key (uin_ref_id, eff_dtimes))`.execute(db)
      },
    },
    '0002_create_documents_and_biometrics': {
      async up(db) {
        await sql`create table idrepo.uin_document (${documentColumns} ${mosipAuditColumns},
          constraint pk_uindoc primary key (uin_ref_id, doccat_code),
          constraint fk_uindoc_uin foreign key (uin_ref_id) references idrepo.uin (uin_ref_id))`.execute(
          db,
        )
        await sql`create table idrepo.uin_document_h (${documentColumns}
          eff_dtimes timestamp not null, ${mosipAuditColumns},
          constraint pk_uindoch primary key (uin_ref_id, doccat_code, eff_dtimes))`.execute(db)
        await sql`create table idrepo.uin_biometric (${biometricColumns} ${mosipAuditColumns},
          constraint pk_uinb primary key (uin_ref_id, biometric_file_type),
          constraint fk_uinb_uin foreign key (uin_ref_id) references idrepo.uin (uin_ref_id))`.execute(
          db,
        )
        await sql`create table idrepo.uin_biometric_h (${biometricColumns}
          eff_dtimes timestamp not null, ${mosipAuditColumns},
          constraint pk_uinbh primary key (uin_ref_id, biometric_file_type, eff_dtimes))`.execute(
          db,
        )
      },
    },
    '0003_create_auth_lock_channel_profile': {
      async up(db) {
        // One row per request (MOSIP's key includes lock_request_datetime): the latest row wins.
        await sql`create table idrepo.uin_auth_lock (
          uin_hash varchar(128) not null,
          auth_type_code varchar(36) not null,
          lock_request_datetime timestamp not null,
          lock_start_datetime timestamp not null,
          lock_end_datetime timestamp,
          status_code varchar(36) not null,
          lang_code varchar(3),
          ${mosipAuditColumns},
          unlock_expiry_datetime timestamp,
          constraint pk_uinal primary key (uin_hash, auth_type_code, lock_request_datetime))`.execute(
          db,
        )
        await sql`create table idrepo.channel_info (
          hashed_channel varchar(128) not null,
          channel_type varchar(5) not null,
          no_of_records numeric not null default 0,
          ${mosipAuditColumns},
          constraint pk_channel_info primary key (hashed_channel))`.execute(db)
        await sql`create table idrepo.anonymous_profile (
          id varchar(36) not null,
          profile varchar not null,
          ${mosipAuditColumns},
          constraint pk_profile primary key (id))`.execute(db)
      },
    },
    '0004_create_change_capture_indexes': {
      // For the reporting module's change data capture (see change-capture-index.ts).
      async up(db) {
        const changeTime = ['upd_dtimes', 'cr_dtimes']
        await createChangeCaptureIndex(db, 'idrepo.uin', changeTime, ['uin_ref_id'])
        await createChangeCaptureIndex(db, 'idrepo.anonymous_profile', changeTime, ['id'])
      },
    },
    '0005_create_record_change_journal': {
      // Mosaic's: every consented change of a record, sequenced into the integrity log
      // (src/identity/idrepo/journal/, docs/integrity.md), and the residents' consent keys.
      async up(db) {
        await sql`create table idrepo.record_change (
          seq bigserial primary key,
          uin_ref_id varchar(36) not null,
          version integer not null,
          action varchar(32) not null,
          salt bytea not null,
          commitment bytea not null,
          consent_kind varchar(16) not null,
          consent jsonb not null,
          consent_ref bytea not null,
          actor varchar(256) not null,
          changed_at timestamptz not null,
          log_index bigint,
          constraint uk_record_change_version unique (uin_ref_id, version))`.execute(db)
        await sql`create index idx_record_change_unlogged on idrepo.record_change (seq)
          where log_index is null`.execute(db)
        // A resident's signed approval authorises one change only.
        await sql`create unique index uk_record_change_resident_consent
          on idrepo.record_change (consent_ref) where consent_kind = 'resident'`.execute(db)
        await sql`create table idrepo.consent_key (
          uin_ref_id varchar(36) not null primary key references idrepo.uin (uin_ref_id),
          public_key bytea not null,
          cr_by varchar(256) not null,
          cr_dtimes timestamp not null)`.execute(db)
      },
    },
  },
}
