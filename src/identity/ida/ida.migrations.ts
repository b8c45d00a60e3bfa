import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'
import { mosipAuditColumns } from '../mosip-audit-columns.js'
import { createChangeCaptureIndex } from '../change-capture-index.js'

/**
 * MOSIP's `ida` schema (mosip_ida), limited to what Mosaic's IDA uses. Partners and their API
 * keys are the platform's (auth.partner, auth.partner_api_key), so partner_data, api_key_data
 * and misp_license_data are not repeated here; policy_data and partner_mapping keep the auth
 * policy and which partner uses it, under MOSIP's names.
 */
export const idaHistory: MigrationHistory = {
  schema: 'ida',
  migrations: {
    '0001_create_ida': {
      async up(db) {
        // Columns, types and key as in MOSIP's ida-auth_transaction.sql.
        await sql`
          create table ida.auth_transaction (
            id varchar(36) primary key,
            request_dtimes timestamp not null,
            response_dtimes timestamp not null,
            request_trn_id varchar(64),
            auth_type_code varchar(128) not null,
            status_code varchar(36) not null,
            status_comment varchar(1024),
            lang_code varchar(3) not null,
            ref_id_type varchar(36),
            ref_id varchar(64),
            token_id varchar(128) not null,
            requested_entity_type varchar(64),
            requested_entity_id varchar(36),
            requested_entity_name varchar(128),
            static_tkn_id varchar(64),
            request_signature varchar,
            response_signature varchar,
            ${mosipAuditColumns}
          )`.execute(db)
        await sql`create index ind_authtrn_refid_reqdtimes on ida.auth_transaction (ref_id, request_dtimes)`.execute(
          db,
        )
        await sql`create index ind_authtrn_tokenid_crdtimes on ida.auth_transaction (token_id, cr_dtimes)`.execute(
          db,
        )
        await sql`create index ind_authtrn_entityid_reqdtimes on ida.auth_transaction (requested_entity_id, request_dtimes)`.execute(
          db,
        )
        // MOSIP's ida-otp_transaction.sql: only the OTP's hash is stored.
        await sql`
          create table ida.otp_transaction (
            id varchar(36) primary key,
            ref_id varchar(64) not null,
            otp_hash varchar(512) not null,
            generated_dtimes timestamp,
            expiry_dtimes timestamp,
            validation_retry_count smallint,
            status_code varchar(36),
            lang_code varchar(3),
            ${mosipAuditColumns}
          )`.execute(db)
        await sql`create index ind_otptrn_refid on ida.otp_transaction (ref_id, generated_dtimes)`.execute(
          db,
        )
        // MOSIP's ida-policy_data.sql: policy_data holds the policy JSON (bytea in MOSIP).
        await sql`
          create table ida.policy_data (
            policy_id varchar(36) primary key,
            policy_data bytea not null,
            name varchar(128) not null,
            description varchar(256),
            policy_status varchar(36) not null,
            policy_commence_on timestamp not null,
            policy_expires_on timestamp,
            ${mosipAuditColumns}
          )`.execute(db)
        // MOSIP's ida-partner_mapping.sql keys (partner_id, policy_id, api_key_id); Mosaic's
        // keys are the platform's, so one mapping per partner and api_key_id is '*'.
        await sql`
          create table ida.partner_mapping (
            partner_id varchar(36) not null,
            policy_id varchar(36) not null references ida.policy_data (policy_id),
            api_key_id varchar(36) not null,
            ${mosipAuditColumns},
            primary key (partner_id, policy_id, api_key_id)
          )`.execute(db)
        await sql`create unique index ind_partnermap_partner on ida.partner_mapping (partner_id)`.execute(
          db,
        )
      },
    },
    '0002_create_change_capture_indexes': {
      // For the reporting module's change data capture (see change-capture-index.ts).
      async up(db) {
        await createChangeCaptureIndex(
          db,
          'ida.auth_transaction',
          ['upd_dtimes', 'cr_dtimes'],
          ['id'],
        )
      },
    },
  },
}
