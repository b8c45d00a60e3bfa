import { type Kysely, sql } from 'kysely'
import { mosipAuditColumns } from '../../mosip-audit-columns.js'

/**
 * The workflow tables, with MOSIP's names, types and keys (`regprc-registration.sql`,
 * `regprc-registration_transaction.sql`, `regprc-registration_list.sql`).
 */
export async function createRegistrationTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regprc.registration (
      reg_id varchar(39) not null,
      process varchar(36) not null,
      ref_reg_id varchar(39),
      applicant_type varchar(36),
      status_code varchar(36) not null,
      lang_code varchar(3) not null,
      status_comment varchar(256),
      latest_trn_id varchar(36),
      latest_trn_type_code varchar(36),
      latest_trn_status_code varchar(36),
      latest_trn_dtimes timestamp,
      reg_process_retry_count smallint,
      reg_stage_name varchar(36),
      trn_retry_count smallint,
      pkt_cr_dtimes timestamp,
      is_active boolean not null,
      ${mosipAuditColumns},
      resume_timestamp timestamp,
      default_resume_action varchar(50),
      pause_rule_ids varchar(256),
      last_success_stage_name varchar(50),
      workflow_instance_id varchar(36) not null primary key,
      source varchar,
      iteration integer default 1
    )`.execute(db)
  await sql`create index idx_rgstrn_ltrntypcd_ltrnstscd_ltrndt on regprc.registration (latest_trn_dtimes, latest_trn_status_code)`.execute(
    db,
  )
  await sql`create index idx_rgstrn_reg_id on regprc.registration (reg_id)`.execute(db)
  await sql`create index idx_rgstrn_status_resume on regprc.registration (status_code, resume_timestamp, default_resume_action)`.execute(
    db,
  )
  await sql`create index idx_rgstrn_regid_status_active on regprc.registration (reg_id, status_code, is_active, is_deleted)`.execute(
    db,
  )

  await sql`
    create table regprc.registration_transaction (
      id varchar(36) not null primary key,
      reg_id varchar(39) not null,
      trn_type_code varchar(64) not null,
      remarks varchar(256),
      parent_regtrn_id varchar(36),
      ref_id varchar(64),
      ref_id_type varchar(64),
      status_code varchar(36) not null,
      sub_status_code varchar(36) not null,
      lang_code varchar(3) not null,
      status_comment varchar(256),
      ${mosipAuditColumns}
    )`.execute(db)
  for (const [name, columns] of [
    ['idx_rgstrntrn_reg_id', 'reg_id'],
    ['idx_rgstrntrn_status_code', 'status_code'],
    ['idx_rgstrntrn_trn_type_code', 'trn_type_code'],
    ['idx_rgstrntrn_upd_dtimes', 'upd_dtimes'],
    ['idx_rgstrntrn_reg_id_status', 'reg_id, status_code'],
  ] as const) {
    await sql`create index ${sql.raw(name)} on regprc.registration_transaction (${sql.raw(columns)})`.execute(
      db,
    )
  }

  // name, phone and email hold FieldCipher values (record = workflow_instance_id) or null.
  await sql`
    create table regprc.registration_list (
      reg_id varchar(39) not null,
      process varchar(64),
      packet_checksum varchar(128),
      packet_size bigint,
      client_status_code varchar(36),
      client_status_comment varchar(256),
      additional_info bytea,
      status_code varchar(36) not null,
      status_comment varchar(256),
      lang_code varchar(3) not null,
      ${mosipAuditColumns},
      name varchar,
      phone varchar,
      email varchar,
      center_id varchar(36),
      registration_date date,
      location_code varchar(36),
      additional_info_req_id varchar(256),
      packet_id varchar(256),
      ref_id varchar(512),
      source varchar,
      workflow_instance_id varchar(36) not null primary key
    )`.execute(db)
  await sql`create index idx_reglist_reg_id on regprc.registration_list (reg_id)`.execute(db)
  await sql`create unique index idx_reglist_packet_id on regprc.registration_list (packet_id)`.execute(
    db,
  )

  await sql`
    create table regprc.transaction_type (
      code varchar(64) not null,
      descr varchar(256) not null,
      lang_code varchar(3) not null,
      is_active boolean not null,
      ${mosipAuditColumns},
      primary key (code, lang_code)
    )`.execute(db)

  // Not a MOSIP table: MOSIP keeps packets in an object store; here the whole packet is one
  // FieldCipher value (record = workflow_instance_id, field = packet).
  await sql`
    create table regprc.packet_store (
      workflow_instance_id varchar(36) not null primary key,
      reg_id varchar(39) not null,
      packet_hash varchar(128) not null,
      packet_cipher text not null,
      ${mosipAuditColumns}
    )`.execute(db)
}
