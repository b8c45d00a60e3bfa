import { z } from 'zod'

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')

/**
 * One source table the watermark connector captures. `columns` is the complete list of what is
 * selected: the connector never runs `select *`, so a column left out (a UIN, identity data, a
 * keyed hash of an individual id) is never read from the source, let alone delivered.
 */
export const capturedTableSchema = z
  .object({
    /** `schema.table`, e.g. `regprc.registration`. */
    name: z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, 'schema.table'),
    /** Primary key columns, in key order; text or integer types. */
    primaryKey: z.array(identifier).min(1),
    /** Every column delivered, primary key included. */
    columns: z.array(identifier).min(1),
    /** Change time = coalesce of these timestamp columns (MOSIP: upd_dtimes, cr_dtimes). */
    changeTime: z.array(identifier).min(1),
    /** The table has MOSIP's soft delete (`is_deleted`, `del_dtimes`). */
    softDelete: z.boolean(),
  })
  .refine((t) => t.primaryKey.every((c) => t.columns.includes(c)), {
    message: 'primary key columns must be among the captured columns',
  })

/** A validated captured table (see `capturedTableSchema`). */
export type CapturedTable = z.infer<typeof capturedTableSchema>

/** MOSIP's common audit columns (docs/identity.md), captured on every table that has them. */
const auditColumns = ['cr_by', 'cr_dtimes', 'upd_by', 'upd_dtimes', 'is_deleted', 'del_dtimes']
const updatedOrCreated = ['upd_dtimes', 'cr_dtimes']

/**
 * The MOSIP tables reporting collates, with the columns it may read. Left out on purpose:
 * - `idrepo.uin`: `uin` (encrypted UIN), `uin_hash`, `uin_data` (the identity), `uin_data_hash`,
 *   `bio_ref_id` (the ABIS reference): only the record's id, RID, status and audit columns.
 * - `ida.auth_transaction`: `ref_id` and `token_id` (hashes of the individual's id and their
 *   partner token), `static_tkn_id`, `request_signature`, `response_signature`.
 * - `master.registration_center`: `contact_person` (a natural person), `contact_phone` and the
 *   address lines (not needed by any report; the lake keeps no phones or addresses).
 * - `audit.app_audit_log`: `session_user_name` (MOSIP writes the actor's display name there)
 *   and `log_desc` (free text a component may fill with identifiers).
 * `audit.app_audit_log` is append-only and has no upd_dtimes/cr_dtimes: its change time is
 * `log_dtimes`, and it has no soft delete.
 */
export const mosipCapturedTables: readonly CapturedTable[] = [
  {
    name: 'regprc.registration',
    primaryKey: ['workflow_instance_id'],
    columns: [
      'workflow_instance_id',
      'reg_id',
      'process',
      'ref_reg_id',
      'applicant_type',
      'status_code',
      'lang_code',
      'status_comment',
      'latest_trn_id',
      'latest_trn_type_code',
      'latest_trn_status_code',
      'latest_trn_dtimes',
      'reg_process_retry_count',
      'reg_stage_name',
      'trn_retry_count',
      'pkt_cr_dtimes',
      'is_active',
      'resume_timestamp',
      'default_resume_action',
      'pause_rule_ids',
      'last_success_stage_name',
      'source',
      'iteration',
      ...auditColumns,
    ],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
  {
    name: 'regprc.registration_transaction',
    primaryKey: ['id'],
    columns: [
      'id',
      'reg_id',
      'trn_type_code',
      'remarks',
      'parent_regtrn_id',
      'ref_id',
      'ref_id_type',
      'status_code',
      'sub_status_code',
      'lang_code',
      'status_comment',
      ...auditColumns,
    ],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
  {
    name: 'master.registration_center',
    primaryKey: ['id', 'lang_code'],
    columns: [
      'id',
      'lang_code',
      'name',
      'cntrtyp_code',
      'latitude',
      'longitude',
      'location_code',
      'number_of_kiosks',
      'working_hours',
      'center_start_time',
      'center_end_time',
      'lunch_start_time',
      'lunch_end_time',
      'time_zone',
      'holiday_loc_code',
      'zone_code',
      'is_active',
      ...auditColumns,
    ],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
  {
    name: 'idrepo.uin',
    primaryKey: ['uin_ref_id'],
    columns: ['uin_ref_id', 'reg_id', 'status_code', 'lang_code', ...auditColumns],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
  {
    name: 'ida.auth_transaction',
    primaryKey: ['id'],
    columns: [
      'id',
      'request_dtimes',
      'response_dtimes',
      'request_trn_id',
      'auth_type_code',
      'status_code',
      'status_comment',
      'lang_code',
      'ref_id_type',
      'requested_entity_type',
      'requested_entity_id',
      'requested_entity_name',
      ...auditColumns,
    ],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
  {
    name: 'audit.app_audit_log',
    primaryKey: ['log_id'],
    columns: [
      'log_id',
      'log_dtimes',
      'event_id',
      'event_type',
      'event_name',
      'action_dtimes',
      'host_name',
      'host_ip',
      'session_user_id',
      'app_id',
      'app_name',
      'module_id',
      'module_name',
      'ref_id',
      'ref_id_type',
      'cr_by',
    ],
    changeTime: ['log_dtimes'],
    softDelete: false,
  },
  {
    name: 'idrepo.anonymous_profile',
    primaryKey: ['id'],
    columns: ['id', 'profile', ...auditColumns],
    changeTime: updatedOrCreated,
    softDelete: true,
  },
]

/** Columns that hold personal data or individual-linked hashes; no captured table may list them. */
export const neverCapturedColumns: Readonly<Record<string, readonly string[]>> = {
  'idrepo.uin': ['uin', 'uin_hash', 'uin_data', 'uin_data_hash', 'bio_ref_id'],
  'ida.auth_transaction': ['ref_id', 'token_id', 'static_tkn_id'],
  'master.registration_center': ['contact_person'],
  'audit.app_audit_log': ['session_user_name'],
}
