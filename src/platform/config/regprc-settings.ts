import { z } from 'zod'

const count = z.coerce.number().int().positive()
const seconds = z.coerce.number().positive()
const score = z.coerce.number().min(0).max(100)

/**
 * The registration processor's settings (`identity.regprc`), with MOSIP's defaults
 * (mosip-config `registration-processor-default.properties`). Here, with the other settings,
 * so that `mosaic config docs` lists them and the loader validates them at start.
 */
export const regprcSettingsSchema = z.strictObject({
  reprocessEverySeconds: seconds
    .default(180)
    .describe('How often the reprocessor runs, in seconds (MOSIP: every 3 minutes)'),
  reprocessElapseSeconds: z.coerce
    .number()
    .nonnegative()
    .default(900)
    .describe(
      'Seconds a registration must have waited before the reprocessor retries it (registration.processor.reprocess.elapse.time)',
    ),
  reprocessAttemptCount: count
    .default(20)
    .describe(
      'Reprocess attempts before a registration ends REPROCESS_FAILED (registration.processor.reprocess.attempt.count)',
    ),
  maxAllowedIteration: count
    .default(5)
    .describe(
      'Times a registration may be paused to request additional information (e.g. a biometric correction) before it is rejected (mosip.regproc.workflow-manager.internal.action.max-allowed-iteration)',
    ),
  maxAllowedIterationByProcess: z
    .record(z.string().regex(/^[A-Z_]{1,36}$/), count)
    .default({ BIOMETRIC_CORRECTION: 5 })
    .describe(
      'The same limit for one additional-information process, e.g. {BIOMETRIC_CORRECTION: 5} (mosip.regproc.workflow-manager.internal.action.max-allowed-iteration.<process>)',
    ),
  reprocessBatchSize: count.default(100).describe('Registrations the reprocessor takes per run'),
  qualityThreshold: score
    .default(30)
    .describe('Lowest acceptable biometric quality score (0-100) in the quality classifier'),
  matchThreshold: score
    .default(90)
    .describe('Score (0-100) from which an ABIS candidate is a match'),
  externalRetryThreshold: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(3)
    .describe("Retries after which a failed packet's external status is REREGISTER, not RESEND"),
  maxPacketBytes: count
    .default(5_000_000)
    .describe('Largest packet the packet receiver accepts, in bytes'),
})
export type RegprcSettings = z.output<typeof regprcSettingsSchema>
