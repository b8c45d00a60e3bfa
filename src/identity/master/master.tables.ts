/** MOSIP's audit columns (timestamps are UTC `timestamp` columns). */
export interface AuditColumns {
  cr_by: string
  cr_dtimes: Date
  upd_by: string | null
  upd_dtimes: Date | null
  is_deleted: boolean | null
  del_dtimes: Date | null
}

export interface ZoneRow extends AuditColumns {
  code: string
  name: string
  hierarchy_level: number
  hierarchy_level_name: string
  hierarchy_path: string | null
  parent_zone_code: string | null
  lang_code: string
  is_active: boolean
}

export interface ZoneUserRow extends AuditColumns {
  zone_code: string
  usr_id: string
  lang_code: string | null
  is_active: boolean
}

export interface LocationRow extends AuditColumns {
  code: string
  name: string
  hierarchy_level: number
  hierarchy_level_name: string
  parent_loc_code: string | null
  lang_code: string
  is_active: boolean
}

/** `time` columns come back as 'HH:MM:SS' strings. */
export interface CenterRow extends AuditColumns {
  id: string
  name: string
  cntrtyp_code: string | null
  addr_line1: string | null
  addr_line2: string | null
  addr_line3: string | null
  latitude: string | null
  longitude: string | null
  location_code: string
  contact_phone: string | null
  contact_person: string | null
  number_of_kiosks: number | null
  working_hours: string | null
  per_kiosk_process_time: string | null
  center_start_time: string | null
  center_end_time: string | null
  lunch_start_time: string | null
  lunch_end_time: string | null
  time_zone: string | null
  holiday_loc_code: string | null
  zone_code: string
  lang_code: string
  is_active: boolean
}

export interface WorkingDayRow extends AuditColumns {
  regcntr_id: string
  day_code: string
  lang_code: string
  is_working: boolean
  is_active: boolean
}

/** `date` columns come back as 'YYYY-MM-DD'. */
export interface ExceptionalHolidayRow extends AuditColumns {
  regcntr_id: string
  hol_date: string
  hol_name: string | null
  hol_reason: string | null
  lang_code: string
  is_active: boolean
}

export interface LocationHolidayRow extends AuditColumns {
  id: number
  location_code: string
  holiday_date: string
  holiday_name: string | null
  holiday_desc: string | null
  lang_code: string
  is_active: boolean
}

export interface DayOfWeekRow extends AuditColumns {
  code: string
  name: string
  day_seq: number
  is_global_working: boolean
  lang_code: string
  is_active: boolean
}

export interface MachineRow extends AuditColumns {
  id: string
  name: string
  mac_address: string | null
  serial_num: string | null
  ip_address: string | null
  validity_end_dtimes: Date | null
  mspec_id: string
  public_key: string | null
  key_index: string | null
  sign_public_key: string | null
  sign_key_index: string | null
  zone_code: string
  regcntr_id: string | null
  lang_code: string | null
  is_active: boolean
}

export interface DeviceRow extends AuditColumns {
  id: string
  name: string
  mac_address: string | null
  serial_num: string | null
  ip_address: string | null
  validity_end_dtimes: Date | null
  dspec_id: string
  zone_code: string
  regcntr_id: string | null
  lang_code: string | null
  is_active: boolean
}

/** An operator; `name` is personal data and never leaves through logs, events or errors. */
export interface UserDetailRow extends AuditColumns {
  id: string
  name: string | null
  status_code: string | null
  regcntr_id: string | null
  lang_code: string | null
  last_login_dtimes: Date | null
  last_login_method: string | null
  is_active: boolean
}

/** Code tables with (code, name, lang_code, is_active) and no more that the app reads. */
export interface CodeRow extends AuditColumns {
  code: string
  name: string
  lang_code: string
  is_active: boolean
}

export interface SpecRow extends AuditColumns {
  id: string
  name: string
  lang_code: string
  is_active: boolean
}

/** Schema-qualified, for `db.withTables<MasterTables>()`. */
export type MasterTables = {
  'master.zone': ZoneRow
  'master.zone_user': ZoneUserRow
  'master.location': LocationRow
  'master.registration_center': CenterRow
  'master.registration_center_h': CenterRow & { eff_dtimes: Date }
  'master.reg_working_nonworking': WorkingDayRow
  'master.reg_exceptional_holiday': ExceptionalHolidayRow
  'master.loc_holiday': LocationHolidayRow
  'master.daysofweek_list': DayOfWeekRow
  'master.reg_center_type': CodeRow
  'master.machine_master': MachineRow
  'master.machine_master_h': MachineRow & { eff_dtimes: Date }
  'master.machine_spec': SpecRow
  'master.device_master': DeviceRow
  'master.device_master_h': DeviceRow & { eff_dtimes: Date }
  'master.device_spec': SpecRow
  'master.user_detail': UserDetailRow
  'master.user_detail_h': UserDetailRow & { eff_dtimes: Date }
  'master.language': { code: string; name: string; is_active: boolean }
}
