/** `trn_type_code` values (`RegistrationTransactionTypeCode.java`); there is no QUALITY_CHECK. */
export const transactionTypeCodes = [
  'PACKET_RECEIVER',
  'VIRUS_SCAN',
  'UPLOAD_PACKET',
  'VALIDATE_PACKET',
  'PACKET_CLASSIFICATION',
  'CMD_VALIDATION',
  'OPERATOR_VALIDATION',
  'SUPERVISOR_VALIDATION',
  'INTRODUCER_VALIDATION',
  'EXTERNAL_INTEGRATION',
  'DEMOGRAPHIC_VERIFICATION',
  'MANUAL_ADJUDICATION',
  'VERIFICATION',
  'BIOGRAPHIC_VERIFICATION',
  'UIN_GENERATOR',
  'BIOMETRIC_EXTRACTION',
  'NOTIFICATION',
  'PRINT_SERVICE',
  'PRINT_POSTAL_SERVICE',
  'PRINT',
  'PACKET_REPROCESS',
  'QUALITY_CLASSIFIER',
  'BIOMETRIC_AUTHENTICATION',
  'SECUREZONE_NOTIFICATION',
  'INTERNAL_WORKFLOW_ACTION',
  'WORKFLOW_RESUME',
  'FINALIZATION',
] as const
export type TransactionTypeCode = (typeof transactionTypeCodes)[number]

/**
 * Rows of `regprc.transaction_type` as MOSIP seeds them (`regprc-transaction_type.csv`): the
 * codes above plus a few legacy ones, each "transaction done" in eng.
 */
export const seededTransactionTypes: readonly string[] = [
  ...transactionTypeCodes,
  'CREATE',
  'DELETE',
  'FAILED',
  'UPDATE',
  'DEMO',
  'BIO',
  'OSI_VALIDATE',
  'MANUAL_VERIFICATION',
]
