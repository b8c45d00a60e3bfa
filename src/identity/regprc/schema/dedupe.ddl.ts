import { type Kysely, sql } from 'kysely'
import { mosipAuditColumns } from '../../mosip-audit-columns.js'

/** Deduplication, adjudication and ABIS tables (MOSIP's regprc-*.sql), plus the matcher's gallery. */
export async function createDedupeTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regprc.reg_manual_verification (
      reg_id varchar(39) not null,
      matched_ref_id varchar(39) not null,
      matched_ref_type varchar(36) not null,
      mv_usr_id varchar(256),
      ref_regtrn_id varchar(36),
      request_id varchar(36),
      res_text bytea,
      status_code varchar(36),
      reason_code varchar(36),
      status_comment varchar(256),
      trntyp_code varchar(36),
      lang_code varchar(3) not null,
      is_active boolean not null,
      ${mosipAuditColumns},
      workflow_instance_id varchar(36) not null,
      primary key (workflow_instance_id, matched_ref_id, matched_ref_type)
    )`.execute(db)
  await sql`create index idx_rmnlver_status_cd on regprc.reg_manual_verification (status_code)`.execute(
    db,
  )
  await sql`
    create table regprc.reg_verification (
      workflow_instance_id varchar(36) not null primary key,
      reg_id varchar(39) not null,
      verification_req_id varchar(39) not null,
      matched_type varchar(36),
      verification_usr_id varchar(256),
      response_text varchar(512),
      status_code varchar(36),
      reason_code varchar(36),
      status_comment varchar(256),
      is_active boolean not null,
      ${mosipAuditColumns}
    )`.execute(db)
  await sql`
    create table regprc.reg_lost_uin_det (
      reg_id varchar(39) not null,
      latest_reg_id varchar(39) not null,
      ${mosipAuditColumns},
      workflow_instance_id varchar(36) not null primary key
    )`.execute(db)
  await sql`
    create table regprc.reg_demo_dedupe_list (
      regtrn_id varchar(36) not null,
      matched_reg_id varchar(39) not null,
      reg_id varchar(39) not null,
      ${mosipAuditColumns},
      primary key (matched_reg_id, regtrn_id)
    )`.execute(db)
  // MOSIP stores name/dob/gender in plaintext here; we store one keyed hash of them instead.
  await sql`
    create table regprc.individual_demographic_dedup (
      id varchar(36) not null primary key,
      reg_id varchar(39) not null,
      demo_hash varchar(64) not null,
      lang_code varchar(3) not null,
      is_active boolean not null,
      ${mosipAuditColumns}
    )`.execute(db)
  await sql`create index idx_indv_demo_hash on regprc.individual_demographic_dedup (demo_hash)`.execute(
    db,
  )
  await sql`
    create table regprc.reg_bio_ref (
      reg_id varchar(39) not null,
      bio_ref_id varchar(36) not null,
      is_active boolean not null,
      ${mosipAuditColumns},
      workflow_instance_id varchar(36) not null,
      process varchar(36),
      iteration integer default 1,
      primary key (reg_id, bio_ref_id)
    )`.execute(db)
  await sql`create index idx_bio_ref_wf on regprc.reg_bio_ref (workflow_instance_id)`.execute(db)
  await sql`
    create table regprc.abis_request (
      id varchar(36) not null primary key,
      req_batch_id varchar(36) not null,
      abis_app_code varchar(36) not null,
      request_type varchar(36) not null,
      request_dtimes timestamp not null,
      bio_ref_id varchar(36),
      ref_regtrn_id varchar(36),
      req_text bytea,
      status_code varchar(36) not null,
      status_comment varchar(256),
      lang_code varchar(3) not null,
      ${mosipAuditColumns}
    )`.execute(db)
  await sql`create index idx_abis_req_bio_ref on regprc.abis_request (bio_ref_id)`.execute(db)
  await sql`
    create table regprc.abis_response (
      id varchar(36) not null primary key,
      abis_req_id varchar(36),
      resp_text bytea,
      status_code varchar(36) not null,
      status_comment varchar(256),
      lang_code varchar(3) not null,
      ${mosipAuditColumns}
    )`.execute(db)
  await sql`
    create table regprc.abis_response_det (
      abis_resp_id varchar(36) not null,
      matched_bio_ref_id varchar(36) not null,
      score smallint,
      ${mosipAuditColumns},
      primary key (matched_bio_ref_id, abis_resp_id)
    )`.execute(db)
  await sql`
    create table regprc.anonymous_profile (
      id varchar(39) not null primary key,
      process_stage varchar(36) not null,
      profile varchar not null,
      ${mosipAuditColumns}
    )`.execute(db)
  // The built-in matcher's gallery (not MOSIP's: a real ABIS keeps its own). One FieldCipher
  // value per reference holds the templates.
  await sql`
    create table regprc.abis_gallery (
      bio_ref_id varchar(36) not null primary key,
      templates_cipher text not null,
      ${mosipAuditColumns}
    )`.execute(db)
}
