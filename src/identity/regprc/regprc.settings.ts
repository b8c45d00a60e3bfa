import { z } from 'zod'

/**
 * The registration processor's settings, with MOSIP's defaults
 * (`registration-processor-default.properties`).
 */
export const regprcSettingsSchema = z.object({
  /** Reprocessor period (MOSIP: every 3 minutes). */
  reprocessEverySeconds: z.number().positive().default(180),
  /** `registration.processor.reprocess.elapse.time`: how old a stuck/reprocess row must be. */
  reprocessElapseSeconds: z.number().nonnegative().default(900),
  /** `registration.processor.reprocess.attempt.count`. */
  reprocessAttemptCount: z.number().int().positive().default(20),
  /** `mosip.regproc.workflow-manager.max-allowed-iteration`. */
  maxAllowedIteration: z.number().int().positive().default(5),
  /** Rows the reprocessor takes per run. */
  reprocessBatchSize: z.number().int().positive().default(100),
  /** Lowest acceptable biometric quality score (0–100) in the quality classifier. */
  qualityThreshold: z.number().min(0).max(100).default(30),
  /** Score (0–100) from which an ABIS candidate is a match. */
  matchThreshold: z.number().min(0).max(100).default(90),
  /** Retries after which a failed packet's external status is REREGISTER instead of RESEND. */
  externalRetryThreshold: z.number().int().nonnegative().default(3),
  /** Largest packet accepted by the packet receiver, in bytes. */
  maxPacketBytes: z.number().int().positive().default(5_000_000),
})
export type RegprcSettings = z.output<typeof regprcSettingsSchema>
export const defaultRegprcSettings: RegprcSettings = regprcSettingsSchema.parse({})
