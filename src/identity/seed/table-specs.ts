import type { ColumnSpec, TableSpec } from './bulk-insert.js'

/** `name:type name:type ...` → columns; `@audit` adds MOSIP's cr/upd/del columns. */
function spec(table: string, columns: string): TableSpec {
  const expanded = columns.replace(
    '@audit',
    'cr_by:varchar cr_dtimes:timestamp upd_by:varchar upd_dtimes:timestamp is_deleted:boolean del_dtimes:timestamp',
  )
  return {
    table,
    columns: expanded
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [name, type] = pair.split(':')
        return { name, type } as ColumnSpec
      }),
  }
}

/**
 * Every table the seed fills, with the columns it writes (in the order rows give them). The
 * order of this list is the order of writing, parents first.
 */
export const seedTables = {
  zone: spec(
    'master.zone',
    'code:varchar name:varchar hierarchy_level:int hierarchy_level_name:varchar hierarchy_path:varchar parent_zone_code:varchar lang_code:varchar is_active:boolean @audit',
  ),
  location: spec(
    'master.location',
    'code:varchar name:varchar hierarchy_level:int hierarchy_level_name:varchar parent_loc_code:varchar lang_code:varchar is_active:boolean @audit',
  ),
  center: spec(
    'master.registration_center',
    'id:varchar name:varchar cntrtyp_code:varchar addr_line1:varchar latitude:varchar longitude:varchar location_code:varchar contact_phone:varchar number_of_kiosks:int working_hours:varchar per_kiosk_process_time:time center_start_time:time center_end_time:time lunch_start_time:time lunch_end_time:time time_zone:varchar holiday_loc_code:varchar zone_code:varchar lang_code:varchar is_active:boolean @audit',
  ),
  workingDay: spec(
    'master.reg_working_nonworking',
    'regcntr_id:varchar day_code:varchar lang_code:varchar is_working:boolean is_active:boolean @audit',
  ),
  centerHoliday: spec(
    'master.reg_exceptional_holiday',
    'regcntr_id:varchar hol_date:date hol_name:varchar hol_reason:varchar lang_code:varchar is_active:boolean @audit',
  ),
  locHoliday: spec(
    'master.loc_holiday',
    'id:int location_code:varchar holiday_date:date holiday_name:varchar holiday_desc:varchar lang_code:varchar is_active:boolean @audit',
  ),
  machine: spec(
    'master.machine_master',
    'id:varchar name:varchar mac_address:varchar serial_num:varchar ip_address:varchar mspec_id:varchar key_index:varchar zone_code:varchar regcntr_id:varchar lang_code:varchar is_active:boolean @audit',
  ),
  device: spec(
    'master.device_master',
    'id:varchar name:varchar mac_address:varchar serial_num:varchar dspec_id:varchar zone_code:varchar regcntr_id:varchar lang_code:varchar is_active:boolean @audit',
  ),
  user: spec(
    'master.user_detail',
    'id:varchar name:varchar status_code:varchar regcntr_id:varchar lang_code:varchar last_login_dtimes:timestamp last_login_method:varchar is_active:boolean @audit',
  ),
  zoneUser: spec(
    'master.zone_user',
    'zone_code:varchar usr_id:varchar lang_code:varchar is_active:boolean @audit',
  ),
  registration: spec(
    'regprc.registration',
    'workflow_instance_id:varchar reg_id:varchar process:varchar ref_reg_id:varchar applicant_type:varchar status_code:varchar lang_code:varchar status_comment:varchar latest_trn_id:varchar latest_trn_type_code:varchar latest_trn_status_code:varchar latest_trn_dtimes:timestamp reg_process_retry_count:int reg_stage_name:varchar trn_retry_count:int pkt_cr_dtimes:timestamp is_active:boolean last_success_stage_name:varchar source:varchar iteration:int @audit',
  ),
  transaction: spec(
    'regprc.registration_transaction',
    'id:varchar reg_id:varchar trn_type_code:varchar remarks:varchar parent_regtrn_id:varchar ref_id:varchar ref_id_type:varchar status_code:varchar sub_status_code:varchar lang_code:varchar status_comment:varchar @audit',
  ),
  manualVerification: spec(
    'regprc.reg_manual_verification',
    'workflow_instance_id:varchar reg_id:varchar matched_ref_id:varchar matched_ref_type:varchar mv_usr_id:varchar ref_regtrn_id:varchar request_id:varchar status_code:varchar reason_code:varchar status_comment:varchar trntyp_code:varchar lang_code:varchar is_active:boolean @audit',
  ),
  kernelUin: spec('kernel.uin', 'uin:varchar uin_status:varchar @audit'),
  kernelVid: spec('kernel.vid', 'vid:varchar expiry_dtimes:timestamp vid_status:varchar @audit'),
  ridSeq: spec(
    'kernel.rid_seq',
    'regcntr_id:varchar machine_id:varchar curr_seq_no:int cr_by:varchar cr_dtimes:timestamp upd_by:varchar upd_dtimes:timestamp',
  ),
  uin: spec(
    'idrepo.uin',
    'uin_ref_id:varchar uin:varchar uin_hash:varchar uin_data:bytea uin_data_hash:varchar reg_id:varchar bio_ref_id:varchar status_code:varchar lang_code:varchar @audit',
  ),
  uinHistory: spec(
    'idrepo.uin_h',
    'uin_ref_id:varchar uin:varchar uin_hash:varchar uin_data:bytea uin_data_hash:varchar reg_id:varchar bio_ref_id:varchar status_code:varchar lang_code:varchar eff_dtimes:timestamp @audit',
  ),
  uinDocument: spec(
    'idrepo.uin_document',
    'uin_ref_id:varchar doccat_code:varchar doctyp_code:varchar doc_id:varchar doc_name:varchar docfmt_code:varchar doc_hash:varchar lang_code:varchar @audit',
  ),
  anonymousProfile: spec('idrepo.anonymous_profile', 'id:varchar profile:varchar @audit'),
  vid: spec(
    'idmap.vid',
    'id:varchar vid:varchar uin_hash:varchar uin:varchar vidtyp_code:varchar generated_dtimes:timestamp expiry_dtimes:timestamp status_code:varchar @audit',
  ),
  audit: spec(
    'audit.app_audit_log',
    'log_id:varchar log_dtimes:timestamp log_desc:varchar event_id:varchar event_type:varchar event_name:varchar action_dtimes:timestamp host_name:varchar host_ip:varchar session_user_id:varchar session_user_name:varchar app_id:varchar app_name:varchar module_id:varchar module_name:varchar ref_id:varchar ref_id_type:varchar cr_by:varchar',
  ),
  authTransaction: spec(
    'ida.auth_transaction',
    'id:varchar request_dtimes:timestamp response_dtimes:timestamp request_trn_id:varchar auth_type_code:varchar status_code:varchar status_comment:varchar lang_code:varchar ref_id_type:varchar ref_id:varchar token_id:varchar requested_entity_type:varchar requested_entity_id:varchar requested_entity_name:varchar @audit',
  ),
  preRegistration: spec(
    'prereg.applicant_demographic',
    'prereg_id:varchar demog_detail_hash:varchar status_code:varchar lang_code:varchar cr_appuser_id:varchar source_ip:varchar source_country:varchar @audit',
  ),
  appointment: spec(
    'prereg.reg_appointment',
    'id:varchar regcntr_id:varchar prereg_id:varchar booking_dtimes:timestamp appointment_date:date slot_from_time:time slot_to_time:time lang_code:varchar @audit',
  ),
  fraudTruth: spec(
    'seed.fraud_truth',
    'case_id:varchar pattern:varchar ref_id:varchar ref_id_type:varchar details:jsonb',
  ),
} as const

export type SeedTableName = keyof typeof seedTables

/** Rows per table kept in memory before they are written. */
export const flushThreshold = 5_000
