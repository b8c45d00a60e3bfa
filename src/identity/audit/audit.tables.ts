/** `audit.app_audit_log` as Kysely sees it (timestamps are UTC `timestamp` columns). */
export interface AppAuditLogRow {
  log_id: string
  log_dtimes: Date
  log_desc: string | null
  event_id: string
  event_type: string
  event_name: string
  action_dtimes: Date
  host_name: string
  host_ip: string
  session_user_id: string
  session_user_name: string | null
  app_id: string
  app_name: string
  module_id: string | null
  module_name: string | null
  ref_id: string | null
  ref_id_type: string | null
  cr_by: string
}

/** Schema-qualified, for `db.withTables<AuditTables>()`. */
export type AuditTables = {
  'audit.app_audit_log': AppAuditLogRow
}
