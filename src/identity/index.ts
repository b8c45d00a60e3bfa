export { identityModule } from './identity.module.js'
export { recordAudit, type AuditEntry } from './audit/index.js'
