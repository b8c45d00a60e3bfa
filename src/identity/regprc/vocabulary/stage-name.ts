import type { TransactionTypeCode } from './transaction-type.js'

/**
 * Each stage by its MOSIP bus name (the camel routes' vocabulary), with the `*Stage` class name
 * MOSIP writes to `registration.reg_stage_name`, the transaction type its rows carry and the
 * audit module (`ModuleName.java`) it reports under.
 */
export const stages = {
  'packet-receiver': stage('PacketReceiverStage', 'PACKET_RECEIVER', 'PACKET_RECEIVER', 'PKR'),
  'securezone-notification': stage(
    'SecurezoneNotificationStage',
    'SECUREZONE_NOTIFICATION',
    'SECUREZONE_NOTIFICATION',
    'SEN',
  ),
  'packet-uploader': stage('PacketUploaderStage', 'UPLOAD_PACKET', 'PACKET_UPLOAD', 'PKU'),
  'packet-validator': stage('PacketValidatorStage', 'VALIDATE_PACKET', 'PACKET_VALIDATOR', 'PKV'),
  'packet-classifier': stage(
    'PacketClassifierStage',
    'PACKET_CLASSIFICATION',
    'PACKET_CLASSIFIER',
    'PKC',
  ),
  'c-m-d-validator': stage('CMDValidatorStage', 'CMD_VALIDATION', 'CMD_VALIDATOR', 'CMD'),
  'operator-validator': stage(
    'OperatorValidatorStage',
    'OPERATOR_VALIDATION',
    'OPERATOR_VALIDATOR',
    'OVM',
  ),
  'supervisor-validator': stage(
    'SupervisorValidatorStage',
    'SUPERVISOR_VALIDATION',
    'SUPERVISOR_VALIDATOR',
    'SVM',
  ),
  'introducer-validator': stage(
    'IntroducerValidatorStage',
    'INTRODUCER_VALIDATION',
    'INTRODUCER_VALIDATOR',
    'IVM',
  ),
  'quality-classifier': stage(
    'QualityClassifierStage',
    'QUALITY_CLASSIFIER',
    'QUALITY_CLASSIFIER',
    'QCK',
  ),
  'biometric-authentication': stage(
    'BiometricAuthenticationStage',
    'BIOMETRIC_AUTHENTICATION',
    'BIOMETRIC_AUTHENTICATION',
    'BAU',
  ),
  'demo-dedupe': stage('DemoDedupeStage', 'DEMOGRAPHIC_VERIFICATION', 'DEMO_DEDUPE', 'DDP'),
  'abis-handler': stage('AbisHandlerStage', 'BIOGRAPHIC_VERIFICATION', 'ABIS_HANDLER', 'AHS'),
  'abis-middle-ware': stage(
    'AbisMiddleWareStage',
    'BIOGRAPHIC_VERIFICATION',
    'ABIS_MIDDLEWARE',
    'AMW',
  ),
  'bio-dedupe': stage('BioDedupeStage', 'BIOGRAPHIC_VERIFICATION', 'BIO_DEDUPE', 'BDP'),
  'manual-adjudication': stage(
    'ManualAdjudicationStage',
    'MANUAL_ADJUDICATION',
    'MANUAL_ADJUDICATION',
    'MNV',
  ),
  verification: stage('VerificationStage', 'VERIFICATION', 'VERIFICATION', 'VER'),
  'uin-generator': stage('UinGeneratorStage', 'UIN_GENERATOR', 'UIN_GENERATOR', 'UIN'),
  'biometric-extraction': stage(
    'BiometricExtractionStage',
    'BIOMETRIC_EXTRACTION',
    'BIOMETRIC_EXTRACTION',
    'BEN',
  ),
  finalization: stage('FinalizationStage', 'FINALIZATION', 'FINALIZATION', 'FIN'),
  'credential-requestor': stage(
    'CredentialRequestorStage',
    'PRINT_SERVICE',
    'CREDENTIAL_REQUESTOR',
    'PPS',
  ),
} as const

export type StageName = keyof typeof stages
export const stageNames = Object.keys(stages) as [StageName, ...StageName[]]

export interface StageInfo {
  /** MOSIP's `*Stage` class name, stored in `reg_stage_name`. */
  readonly className: string
  readonly trnType: TransactionTypeCode
  /** Audit module name (`ModuleName.java`). */
  readonly module: string
  /** Audit module id, `RPR-<prefix>` as MOSIP's sub-status prefix. */
  readonly moduleId: string
}

function stage(
  className: string,
  trnType: TransactionTypeCode,
  module: string,
  prefix: string,
): StageInfo {
  return { className, trnType, module, moduleId: `RPR-${prefix}` }
}

/** The reprocessor is not a workflow stage but writes transactions and audits as one. */
export const reprocessorInfo: StageInfo = {
  className: 'ReprocessorStage',
  trnType: 'PACKET_REPROCESS',
  module: 'RE_PROCESSOR',
  moduleId: 'RPR-RPS',
}
