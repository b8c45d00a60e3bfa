/** A table the seed fills: schema-qualified name and the columns rows give, in order. */
export interface TableSpec {
  readonly table: string
  readonly columns: readonly string[]
}

/** `name name ...` → columns; `@audit` adds MOSIP's cr/upd/del columns. */
function spec(table: string, columns: string): TableSpec {
  const expanded = columns.replace(
    '@audit',
    'cr_by cr_dtimes upd_by upd_dtimes is_deleted del_dtimes',
  )
  return { table, columns: expanded.trim().split(/\s+/) }
}

/** MOSIP's `_h` history of a versioned record: its columns, then when the version took effect. */
function history(of: TableSpec): TableSpec {
  return { table: `${of.table}_h`, columns: [...of.columns, 'eff_dtimes'] }
}

const centerSpec = spec(
  'master.registration_center',
  'id name cntrtyp_code addr_line1 latitude longitude location_code contact_phone number_of_kiosks working_hours per_kiosk_process_time center_start_time center_end_time lunch_start_time lunch_end_time time_zone holiday_loc_code zone_code lang_code is_active @audit',
)
const machineSpec = spec(
  'master.machine_master',
  'id name mac_address serial_num ip_address mspec_id key_index zone_code regcntr_id lang_code is_active @audit',
)
const deviceSpec = spec(
  'master.device_master',
  'id name mac_address serial_num dspec_id zone_code regcntr_id lang_code is_active @audit',
)
const userSpec = spec(
  'master.user_detail',
  'id name status_code regcntr_id lang_code last_login_dtimes last_login_method is_active @audit',
)

/**
 * Every table the seed fills, with the columns it writes (in the order rows give them). The
 * order of this list is the order of writing, parents first.
 */
export const seedTables = {
  zone: spec(
    'master.zone',
    'code name hierarchy_level hierarchy_level_name hierarchy_path parent_zone_code lang_code is_active @audit',
  ),
  location: spec(
    'master.location',
    'code name hierarchy_level hierarchy_level_name parent_loc_code lang_code is_active @audit',
  ),
  center: centerSpec,
  centerHistory: history(centerSpec),
  workingDay: spec(
    'master.reg_working_nonworking',
    'regcntr_id day_code lang_code is_working is_active @audit',
  ),
  centerHoliday: spec(
    'master.reg_exceptional_holiday',
    'regcntr_id hol_date hol_name hol_reason lang_code is_active @audit',
  ),
  locHoliday: spec(
    'master.loc_holiday',
    'id location_code holiday_date holiday_name holiday_desc lang_code is_active @audit',
  ),
  machine: machineSpec,
  machineHistory: history(machineSpec),
  device: deviceSpec,
  deviceHistory: history(deviceSpec),
  user: userSpec,
  userHistory: history(userSpec),
  zoneUser: spec('master.zone_user', 'zone_code usr_id lang_code is_active @audit'),
  registration: spec(
    'regprc.registration',
    'workflow_instance_id reg_id process ref_reg_id applicant_type status_code lang_code status_comment latest_trn_id latest_trn_type_code latest_trn_status_code latest_trn_dtimes reg_process_retry_count reg_stage_name trn_retry_count pkt_cr_dtimes is_active last_success_stage_name source iteration @audit',
  ),
  transaction: spec(
    'regprc.registration_transaction',
    'id reg_id trn_type_code remarks parent_regtrn_id ref_id ref_id_type status_code sub_status_code lang_code status_comment @audit',
  ),
  manualVerification: spec(
    'regprc.reg_manual_verification',
    'workflow_instance_id reg_id matched_ref_id matched_ref_type mv_usr_id ref_regtrn_id request_id status_code reason_code status_comment trntyp_code lang_code is_active @audit',
  ),
  kernelUin: spec('kernel.uin', 'uin uin_status @audit'),
  kernelVid: spec('kernel.vid', 'vid expiry_dtimes vid_status @audit'),
  ridSeq: spec(
    'kernel.rid_seq',
    'regcntr_id machine_id curr_seq_no cr_by cr_dtimes upd_by upd_dtimes',
  ),
  uin: spec(
    'idrepo.uin',
    'uin_ref_id uin uin_hash uin_data uin_data_hash reg_id bio_ref_id status_code lang_code @audit',
  ),
  uinHistory: spec(
    'idrepo.uin_h',
    'uin_ref_id uin uin_hash uin_data uin_data_hash reg_id bio_ref_id status_code lang_code eff_dtimes @audit',
  ),
  uinDocument: spec(
    'idrepo.uin_document',
    'uin_ref_id doccat_code doctyp_code doc_id doc_name docfmt_code doc_hash lang_code @audit',
  ),
  anonymousProfile: spec('idrepo.anonymous_profile', 'id profile @audit'),
  vid: spec(
    'idmap.vid',
    'id vid uin_hash uin vidtyp_code generated_dtimes expiry_dtimes status_code @audit',
  ),
  recordChange: spec(
    'idrepo.record_change',
    'uin_ref_id version action salt commitment consent_kind consent consent_ref actor changed_at',
  ),
  audit: spec(
    'audit.app_audit_log',
    'log_id log_dtimes log_desc event_id event_type event_name action_dtimes host_name host_ip session_user_id session_user_name app_id app_name module_id module_name ref_id ref_id_type cr_by',
  ),
  authTransaction: spec(
    'ida.auth_transaction',
    'id request_dtimes response_dtimes request_trn_id auth_type_code status_code status_comment lang_code ref_id_type ref_id token_id requested_entity_type requested_entity_id requested_entity_name @audit',
  ),
  preRegistration: spec(
    'prereg.applicant_demographic',
    'prereg_id demog_detail_hash status_code lang_code cr_appuser_id source_ip source_country @audit',
  ),
  appointment: spec(
    'prereg.reg_appointment',
    'id regcntr_id prereg_id booking_dtimes appointment_date slot_from_time slot_to_time lang_code @audit',
  ),
  fraudTruth: spec('seed.fraud_truth', 'case_id pattern ref_id ref_id_type details'),
} as const

export type SeedTableName = keyof typeof seedTables

/** Rows per table kept in memory before they are written. */
export const flushThreshold = 5_000
