import { type Kysely, sql } from 'kysely'
import { mosipAuditColumns } from '../mosip-audit-columns.js'

/**
 * Reference tables (languages, days, reasons, types and specs), as in MOSIP's
 * `db_scripts/mosip_master/ddl/master-*.sql`: names, types and primary keys kept.
 */
export async function createReferenceTables(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table master.language (code varchar(3) primary key, name varchar(64) not null,
      family varchar(64), native_name varchar(64), is_active boolean not null, ${mosipAuditColumns})`,
    sql`create table master.daysofweek_list (code varchar(3) not null, name varchar(36) not null,
      day_seq smallint not null, is_global_working boolean not null, lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns}, primary key (code, lang_code))`,
    sql`create table master.reason_category (code varchar(36) not null, name varchar(64) not null,
      descr varchar(128), lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (code, lang_code))`,
    sql`create table master.reason_list (code varchar(36) not null, name varchar(64) not null,
      descr varchar(256), rsncat_code varchar(36) not null, lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns}, primary key (code, rsncat_code, lang_code))`,
    sql`create table master.dynamic_field (id varchar(36) primary key, name varchar(36) not null,
      description varchar(256), data_type varchar(16), value_json varchar,
      lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns})`,
    sql`create table master.loc_hierarchy_list (hierarchy_level smallint not null,
      hierarchy_level_name varchar(64) not null, lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns},
      primary key (hierarchy_level, hierarchy_level_name, lang_code))`,
    sql`create table master.reg_center_type (code varchar(36) not null, name varchar(64) not null,
      descr varchar(128), lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (code, lang_code))`,
    sql`create table master.machine_type (code varchar(36) not null, name varchar(64) not null,
      descr varchar(128), lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (code, lang_code))`,
    sql`create table master.machine_spec (id varchar(36) primary key, name varchar(64) not null,
      brand varchar(32) not null, model varchar(16) not null, mtyp_code varchar(36) not null,
      min_driver_ver varchar(16) not null, descr varchar(256), lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns})`,
    sql`create table master.device_type (code varchar(36) not null, name varchar(64) not null,
      descr varchar(128), lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (code, lang_code))`,
    sql`create table master.device_spec (id varchar(36) primary key, name varchar(64) not null,
      brand varchar(32) not null, model varchar(16) not null, dtyp_code varchar(36) not null,
      min_driver_ver varchar(16) not null, descr varchar(256), lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns})`,
  ]
  for (const statement of statements) await statement.execute(db)
}

/** The administrative zones, their users, and the address hierarchy. */
export async function createPlaceTables(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table master.zone (code varchar(36) not null, name varchar(128) not null,
      hierarchy_level smallint not null, hierarchy_level_name varchar(64) not null,
      hierarchy_path varchar(1024), parent_zone_code varchar(36), lang_code varchar(3) not null,
      is_active boolean not null, ${mosipAuditColumns}, primary key (code, lang_code),
      unique (hierarchy_path, lang_code))`,
    sql`create table master.zone_user (zone_code varchar(36) not null,
      usr_id varchar(256) primary key, lang_code varchar(3), is_active boolean not null, ${mosipAuditColumns})`,
    sql`create table master.location (code varchar(36) not null, name varchar(128) not null,
      hierarchy_level smallint not null, hierarchy_level_name varchar(64) not null,
      parent_loc_code varchar(36), lang_code varchar(3) not null, is_active boolean not null,
      ${mosipAuditColumns}, primary key (code, lang_code))`,
    sql`create index idx_location_parent on master.location (parent_loc_code)`,
  ]
  for (const statement of statements) await statement.execute(db)
}

const centerColumns = sql.raw(`id varchar(10) not null, name varchar(128) not null,
  cntrtyp_code varchar(36), addr_line1 varchar(256), addr_line2 varchar(256),
  addr_line3 varchar(256), latitude varchar(32), longitude varchar(32),
  location_code varchar(36) not null, contact_phone varchar(16), contact_person varchar(128),
  number_of_kiosks smallint, working_hours varchar(32), per_kiosk_process_time time,
  center_start_time time, center_end_time time, lunch_start_time time, lunch_end_time time,
  time_zone varchar(64), holiday_loc_code varchar(36), zone_code varchar(36) not null,
  lang_code varchar(3) not null, is_active boolean not null`)

/** Registration centers, their history, working days and holidays; center ids from rcid_seq. */
export async function createCenterTables(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // MOSIP's sample data starts center ids at 10000 (the virtual centre); new ones follow.
    sql`create sequence master.rcid_seq start with 10001`,
    sql`create table master.registration_center (${centerColumns}, ${mosipAuditColumns},
      primary key (id, lang_code))`,
    // Same columns in the same order plus eff_dtimes, so `select c.*, now` copies a row.
    sql`create table master.registration_center_h (${centerColumns}, ${mosipAuditColumns},
      eff_dtimes timestamp not null, primary key (id, lang_code, eff_dtimes))`,
    sql`create index idx_regcntr_zone on master.registration_center (zone_code)`,
    sql`create table master.reg_working_nonworking (regcntr_id varchar(10) not null,
      day_code varchar(3) not null, lang_code varchar(3) not null, is_working boolean not null,
      is_active boolean not null, ${mosipAuditColumns}, primary key (regcntr_id, day_code))`,
    sql`create table master.reg_exceptional_holiday (regcntr_id varchar(10) not null,
      hol_date date not null, hol_name varchar(128), hol_reason varchar(256),
      lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (regcntr_id, hol_date))`,
    sql`create table master.loc_holiday (id integer not null, location_code varchar(36) not null,
      holiday_date date not null, holiday_name varchar(64), holiday_desc varchar(128),
      lang_code varchar(3) not null, is_active boolean not null, ${mosipAuditColumns},
      primary key (id, location_code, lang_code))`,
    sql`create index idx_loc_holiday_date on master.loc_holiday (location_code, holiday_date)`,
  ]
  for (const statement of statements) await statement.execute(db)
}

const machineColumns = sql.raw(`id varchar(10) not null, name varchar(64) not null,
  mac_address varchar(64), serial_num varchar(64), ip_address varchar(17),
  validity_end_dtimes timestamp, mspec_id varchar(36) not null, public_key varchar(1024),
  key_index varchar(128), sign_public_key varchar(1024), sign_key_index varchar(128),
  zone_code varchar(36) not null, regcntr_id varchar(10), lang_code varchar(3),
  is_active boolean not null`)

const deviceColumns = sql.raw(`id varchar(36) not null, name varchar(64) not null,
  mac_address varchar(64), serial_num varchar(64), ip_address varchar(17),
  validity_end_dtimes timestamp, dspec_id varchar(36) not null, zone_code varchar(36) not null,
  regcntr_id varchar(10), lang_code varchar(3), is_active boolean not null`)

const userColumns = sql.raw(`id varchar(256) not null, name varchar(64),
  status_code varchar(36), regcntr_id varchar(10), lang_code varchar(3),
  last_login_dtimes timestamp, last_login_method varchar(64), is_active boolean not null`)

/** Machines (ids from mid_seq), devices and operators, each with its `_h` history. */
export async function createEquipmentAndUserTables(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create sequence master.mid_seq start with 10001`,
    sql`create table master.machine_master (${machineColumns}, ${mosipAuditColumns}, primary key (id),
      unique (name), unique (key_index), unique (sign_key_index))`,
    sql`create table master.machine_master_h (${machineColumns}, ${mosipAuditColumns},
      eff_dtimes timestamp not null, primary key (id, eff_dtimes))`,
    sql`create table master.device_master (${deviceColumns}, ${mosipAuditColumns}, primary key (id))`,
    sql`create table master.device_master_h (${deviceColumns}, ${mosipAuditColumns},
      eff_dtimes timestamp not null, primary key (id, eff_dtimes))`,
    sql`create table master.user_detail (${userColumns}, ${mosipAuditColumns}, primary key (id))`,
    sql`create table master.user_detail_h (${userColumns}, ${mosipAuditColumns},
      eff_dtimes timestamp not null, primary key (id, eff_dtimes))`,
    sql`create index idx_machine_center on master.machine_master (regcntr_id)`,
    sql`create index idx_device_center on master.device_master (regcntr_id)`,
    sql`create index idx_user_center on master.user_detail (regcntr_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
