export { idaPart, createIdaService } from './ida.part.js'
export { idaHistory } from './ida.migrations.js'
export type { IdaTables, AuthTransactionRow, OtpTransactionRow } from './ida.tables.js'
export {
  IdaService,
  type IdaServiceDeps,
  type IdaPartner,
  type IdaHashers,
  type AuthOutcome,
} from './ida.service.js'
export type { OtpOutcome } from './otp-request.js'
export { OtpService, defaultOtpSettings, type OtpSettings } from './otp.service.js'
export {
  authPolicySchema,
  policyAuthTypes,
  kycAttributes,
  type AuthPolicy,
  type AuthPolicyInput,
  type PolicyAuthType,
} from './auth-policy.js'
export { savePartnerPolicy, findPartnerPolicy, type PartnerPolicy } from './policy.repository.js'
export {
  authRequestSchema,
  otpRequestSchema,
  type AuthRequest,
  type OtpRequest,
} from './auth-request.schema.js'
export {
  partnerStatementGate,
  type ConsentGate,
  type ConsentRequest,
  type ConsentDecision,
} from './consent-gate.js'
export {
  hammingMatcher,
  type BiometricMatcher,
  type BioTemplate,
  type EnrolledBiometrics,
} from './biometric-matcher.js'
export { authTransactionTopic, idaAuditEvents, requestTypes } from './auth-transaction.js'
export { idaErrors } from './errors.js'
export { createIdaHashers } from './ida-hashers.js'
