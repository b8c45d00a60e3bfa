export { recordAudit, type AuditEntry, type AuditEventType } from './audit-log.js'
export { auditHistory } from './audit.migrations.js'
export type { AppAuditLogRow, AuditTables } from './audit.tables.js'
