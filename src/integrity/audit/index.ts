export { verifyIntegrity, type VerifyOptions } from './verify-integrity.js'
export {
  findingCodes,
  type AuditProgress,
  type AuditReport,
  type Finding,
  type FindingCode,
} from './findings.js'
export { integrityStatus, type IntegrityStatus } from './integrity-status.js'
