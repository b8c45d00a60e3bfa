import type { Generated, Selectable } from 'kysely'

/** MOSIP's audit columns as Kysely sees them. */
interface AuditColumns {
  cr_by: string
  cr_dtimes: Date
  upd_by: string | null
  upd_dtimes: Date | null
  is_deleted: Generated<boolean | null>
  del_dtimes: Date | null
}

export interface RegistrationRow extends AuditColumns {
  reg_id: string
  process: string
  ref_reg_id: string | null
  applicant_type: string | null
  status_code: string
  lang_code: string
  status_comment: string | null
  latest_trn_id: string | null
  latest_trn_type_code: string | null
  latest_trn_status_code: string | null
  latest_trn_dtimes: Date | null
  reg_process_retry_count: number | null
  reg_stage_name: string | null
  trn_retry_count: number | null
  pkt_cr_dtimes: Date | null
  is_active: boolean
  resume_timestamp: Date | null
  default_resume_action: string | null
  pause_rule_ids: string | null
  last_success_stage_name: string | null
  workflow_instance_id: string
  source: string | null
  iteration: Generated<number | null>
}

export interface RegistrationTransactionRow extends AuditColumns {
  id: string
  reg_id: string
  trn_type_code: string
  remarks: string | null
  parent_regtrn_id: string | null
  ref_id: string | null
  ref_id_type: string | null
  status_code: string
  sub_status_code: string
  lang_code: string
  status_comment: string | null
}

export interface RegistrationListRow extends AuditColumns {
  reg_id: string
  process: string | null
  packet_checksum: string | null
  packet_size: string | number | null
  client_status_code: string | null
  client_status_comment: string | null
  additional_info: Uint8Array | null
  status_code: string
  status_comment: string | null
  lang_code: string
  name: string | null
  phone: string | null
  email: string | null
  center_id: string | null
  registration_date: Date | string | null
  location_code: string | null
  additional_info_req_id: string | null
  packet_id: string | null
  ref_id: string | null
  source: string | null
  workflow_instance_id: string
}

export interface ManualVerificationRow extends AuditColumns {
  reg_id: string
  matched_ref_id: string
  matched_ref_type: string
  mv_usr_id: string | null
  ref_regtrn_id: string | null
  request_id: string | null
  res_text: Uint8Array | null
  status_code: string | null
  reason_code: string | null
  status_comment: string | null
  trntyp_code: string | null
  lang_code: string
  is_active: boolean
  workflow_instance_id: string
}

export interface VerificationRow extends AuditColumns {
  workflow_instance_id: string
  reg_id: string
  verification_req_id: string
  matched_type: string | null
  verification_usr_id: string | null
  response_text: string | null
  status_code: string | null
  reason_code: string | null
  status_comment: string | null
  is_active: boolean
}

export interface PacketStoreRow extends AuditColumns {
  workflow_instance_id: string
  reg_id: string
  packet_hash: string
  packet_cipher: string
}

export interface LostUinRow extends AuditColumns {
  reg_id: string
  latest_reg_id: string
  workflow_instance_id: string
}

export interface DemoDedupeListRow extends AuditColumns {
  regtrn_id: string
  matched_reg_id: string
  reg_id: string
}

export interface DemographicDedupRow extends AuditColumns {
  id: string
  reg_id: string
  demo_hash: string
  lang_code: string
  is_active: boolean
}

export interface BioRefRow extends AuditColumns {
  reg_id: string
  bio_ref_id: string
  is_active: boolean
  workflow_instance_id: string
  process: string | null
  iteration: Generated<number | null>
}

export interface AbisRequestRow extends AuditColumns {
  id: string
  req_batch_id: string
  abis_app_code: string
  request_type: string
  request_dtimes: Date
  bio_ref_id: string | null
  ref_regtrn_id: string | null
  req_text: Uint8Array | null
  status_code: string
  status_comment: string | null
  lang_code: string
}

export interface AbisResponseRow extends AuditColumns {
  id: string
  abis_req_id: string | null
  resp_text: Uint8Array | null
  status_code: string
  status_comment: string | null
  lang_code: string
}

export interface AbisResponseDetRow extends AuditColumns {
  abis_resp_id: string
  matched_bio_ref_id: string
  score: number | null
}

export interface AbisGalleryRow extends AuditColumns {
  bio_ref_id: string
  templates_cipher: string
}

export interface AnonymousProfileRow extends AuditColumns {
  id: string
  process_stage: string
  profile: string
}

/** MOSIP's `additional_info_request` (it has no audit columns). */
export interface AdditionalInfoRequestRow {
  additional_info_process: string | null
  reg_id: string | null
  workflow_instance_id: string
  timestamp: Date | null
  additional_info_iteration: number | null
  additional_info_req_id: string
}

/** Schema-qualified, for `db.withTables<RegprcTables>()`. */
export type RegprcTables = {
  'regprc.registration': RegistrationRow
  'regprc.registration_transaction': RegistrationTransactionRow
  'regprc.registration_list': RegistrationListRow
  'regprc.reg_manual_verification': ManualVerificationRow
  'regprc.reg_verification': VerificationRow
  'regprc.packet_store': PacketStoreRow
  'regprc.reg_lost_uin_det': LostUinRow
  'regprc.reg_demo_dedupe_list': DemoDedupeListRow
  'regprc.individual_demographic_dedup': DemographicDedupRow
  'regprc.reg_bio_ref': BioRefRow
  'regprc.abis_request': AbisRequestRow
  'regprc.abis_response': AbisResponseRow
  'regprc.abis_response_det': AbisResponseDetRow
  'regprc.abis_gallery': AbisGalleryRow
  'regprc.anonymous_profile': AnonymousProfileRow
  'regprc.additional_info_request': AdditionalInfoRequestRow
  'regprc.transaction_type': {
    code: string
    descr: string
    lang_code: string
    is_active: boolean
  } & AuditColumns
}

/** A registration row as read. */
export type Registration = Selectable<RegistrationRow>
