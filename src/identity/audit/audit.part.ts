import type { IdentityPart } from '../identity-part.js'
import { auditHistory } from './audit.migrations.js'

/** MOSIP's audit log; written by every other part, read by auditors (and later the log manager). */
export const auditPart: IdentityPart = { name: 'audit', migrations: [auditHistory] }
