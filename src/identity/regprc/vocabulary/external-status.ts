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
  /** `latest_trn_type_code` and `latest_trn_dtimes`. */
  readonly latestTransactionType: string | null
  readonly latestTransactionAt: Date | null
  readonly lastSuccessStageName: string | null
  /** `trn_retry_count` (MOSIP's entity `retryCount`). */
  readonly retryCount: number
}

export interface ExternalStatusRules {
  /** Retries after which the client must re-register rather than resend. */
  readonly retryThreshold: number
  /** Seconds after which a packet still at the receiver is considered lost in transit. */
  readonly elapseSeconds: number
  readonly now: Date
}

/** Stages before the packet is safely stored (MOSIP's stages-before-reaching-packet-store). */
const intakeStages = new Set(['PacketReceiverStage', 'SecurezoneNotificationStage'])

/**
 * MOSIP's RegistrationExternalStatusUtility (release-1.2.0.x): PROCESSED is UIN_GENERATED.
 * In-flight states (processing, paused, resumable, reprocess, paused for additional info) are
 * RESEND, or REREGISTER past the retry threshold, when the latest transaction is the packet
 * receiver's and older than the elapse time; else PROCESSING until a stage after the intake
 * stages succeeded, then PROCESSED. FAILED is RESEND only when the packet failed at the
 * receiver or the uploader within the retry threshold, else REREGISTER (the packet itself must
 * be made again). Anything else is REJECTED.
 */
export function externalStatus(
  input: ExternalStatusInput,
  rules: ExternalStatusRules,
): ExternalStatusCode {
  const underThreshold = input.retryCount < rules.retryThreshold
  switch (input.statusCode) {
    case 'PROCESSED':
      return 'UIN_GENERATED'
    case 'PROCESSING':
    case 'PAUSED':
    case 'RESUMABLE':
    case 'REPROCESS':
    case 'PAUSED_FOR_ADDITIONAL_INFO': {
      const elapsed = input.latestTransactionAt
        ? (rules.now.getTime() - input.latestTransactionAt.getTime()) / 1000
        : 0
      if (input.latestTransactionType === 'PACKET_RECEIVER' && elapsed > rules.elapseSeconds)
        return underThreshold ? 'RESEND' : 'REREGISTER'
      return input.lastSuccessStageName && !intakeStages.has(input.lastSuccessStageName)
        ? 'PROCESSED'
        : 'PROCESSING'
    }
    case 'FAILED':
      return (input.latestTransactionType === 'PACKET_RECEIVER' ||
        input.latestTransactionType === 'UPLOAD_PACKET') &&
        underThreshold
        ? 'RESEND'
        : 'REREGISTER'
    default:
      return 'REJECTED'
  }
}
