/** `registration.status_code`: the workflow instance's overall state (`RegistrationStatusCode.java`). */
export const registrationStatusCodes = [
  'FAILED',
  'REJECTED',
  'PROCESSING',
  'PROCESSED',
  'REPROCESS_FAILED',
  'PAUSED',
  'RESUMABLE',
  'REPROCESS',
  'PAUSED_FOR_ADDITIONAL_INFO',
] as const
export type RegistrationStatusCode = (typeof registrationStatusCodes)[number]

/** `registration_transaction.status_code` (`RegistrationTransactionStatusCode.java`). */
export const transactionStatusCodes = [
  'SUCCESS',
  'FAILED',
  'IN_PROGRESS',
  'ERROR',
  'REPROCESS',
  'PROCESSED',
  'REJECTED',
  'PROCESSING',
  'REPROCESS_FAILED',
] as const
export type TransactionStatusCode = (typeof transactionStatusCodes)[number]

/** `reg_manual_verification.status_code` (`ManualVerificationStatus.java`). */
export const manualVerificationStatuses = [
  'PENDING',
  'ASSIGNED',
  'APPROVED',
  'REJECTED',
  'INQUEUE',
] as const
export type ManualVerificationStatus = (typeof manualVerificationStatuses)[number]

/** `matched_ref_type` (`DedupeSourceName.java`). */
export const dedupeSourceNames = ['DEMO', 'BIO', 'ALL'] as const
export type DedupeSourceName = (typeof dedupeSourceNames)[number]

/** The supervisor's decision carried by the sync record (`SupervisorStatus`). */
export const supervisorStatuses = ['APPROVED', 'REJECTED'] as const
export type SupervisorStatus = (typeof supervisorStatuses)[number]
