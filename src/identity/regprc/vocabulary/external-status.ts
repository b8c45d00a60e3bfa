import type { RegistrationStatusCode } from './status-code.js'

/** What residents and clients see (`RegistrationExternalStatusCode.java`). */
export const externalStatusCodes = [
  'PROCESSING',
  'REREGISTER',
  'PROCESSED',
  'RESEND',
  'RECEIVED',
  'REJECTED',
  'REPROCESS_FAILED',
  'UPLOAD_PENDING',
  'UIN_GENERATED',
  'AWAITING_INFORMATION',
] as const
export type ExternalStatusCode = (typeof externalStatusCodes)[number]

export interface ExternalStatusInput {
  readonly statusCode: RegistrationStatusCode
  /** `reg_stage_name` (a `*Stage` class name). */
  readonly stageName: string | null
  readonly lastSuccessStageName: string | null
  readonly retryCount: number
}

/** Stages before the packet is safely stored, where a failure means the client must act. */
const intakeStages = new Set(['PacketReceiverStage', 'SecurezoneNotificationStage'])

/**
 * MOSIP's RegistrationExternalStatusUtility rules: PROCESSED is UIN_GENERATED; in-flight
 * states are RESEND/REREGISTER while the packet is stuck at intake past the retry threshold,
 * PROCESSING before any success, else PROCESSED; FAILED is RESEND (REREGISTER past the
 * threshold); anything else REJECTED.
 */
export function externalStatus(
  input: ExternalStatusInput,
  retryThreshold: number,
): ExternalStatusCode {
  const resendOrReregister = input.retryCount >= retryThreshold ? 'REREGISTER' : 'RESEND'
  switch (input.statusCode) {
    case 'PROCESSED':
      return 'UIN_GENERATED'
    case 'PROCESSING':
    case 'PAUSED':
    case 'RESUMABLE':
    case 'REPROCESS':
    case 'PAUSED_FOR_ADDITIONAL_INFO':
      if (
        input.stageName &&
        intakeStages.has(input.stageName) &&
        input.retryCount >= retryThreshold
      )
        return resendOrReregister
      return input.lastSuccessStageName ? 'PROCESSED' : 'PROCESSING'
    case 'FAILED':
      return resendOrReregister
    default:
      return 'REJECTED'
  }
}
