import { z } from 'zod'
import { SettingsError } from '../../platform/config/index.js'

const count = z.coerce.number().int().positive()
const seconds = z.coerce.number().positive()
const score = z.coerce.number().min(0).max(100)

/**
 * The registration processor's settings, with MOSIP's defaults
 * (mosip-config `registration-processor-default.properties`). Written like the platform's
 * settings (`src/platform/config/settings.schema.ts`): strings from the environment are coerced
 * and every setting says what it does, so they can sit under `identity.regprc` there.
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
export type RegprcSettingsInput = z.input<typeof regprcSettingsSchema>
export const defaultRegprcSettings: RegprcSettings = regprcSettingsSchema.parse({})

/** Environment variables for the settings, as the platform's `envNames` would list them. */
export const regprcEnvNames: Record<string, string> = {
  MOSAIC_REGPRC_REPROCESS_EVERY_SECONDS: 'identity.regprc.reprocessEverySeconds',
  MOSAIC_REGPRC_REPROCESS_ELAPSE_SECONDS: 'identity.regprc.reprocessElapseSeconds',
  MOSAIC_REGPRC_REPROCESS_ATTEMPT_COUNT: 'identity.regprc.reprocessAttemptCount',
  MOSAIC_REGPRC_MAX_ALLOWED_ITERATION: 'identity.regprc.maxAllowedIteration',
  MOSAIC_REGPRC_REPROCESS_BATCH_SIZE: 'identity.regprc.reprocessBatchSize',
  MOSAIC_REGPRC_QUALITY_THRESHOLD: 'identity.regprc.qualityThreshold',
  MOSAIC_REGPRC_MATCH_THRESHOLD: 'identity.regprc.matchThreshold',
  MOSAIC_REGPRC_EXTERNAL_RETRY_THRESHOLD: 'identity.regprc.externalRetryThreshold',
  MOSAIC_REGPRC_MAX_PACKET_BYTES: 'identity.regprc.maxPacketBytes',
}

/**
 * The settings under `identity.regprc` of the platform's settings, MOSIP's defaults for the
 * rest. The platform's schema does not list that section yet; once it does, an administrator's
 * values (mosaic.config.yaml, environment) reach the registration processor through here.
 * Throws naming each bad setting, as the platform's loader does.
 */
export function regprcSettingsFrom(platformSettings: unknown): RegprcSettings {
  const section = (platformSettings as { identity?: { regprc?: unknown } } | null)?.identity?.regprc
  const parsed = regprcSettingsSchema.safeParse(section ?? {})
  if (parsed.success) return parsed.data
  throw new SettingsError(
    parsed.error.issues.map((issue) => `identity.regprc.${issue.path.join('.')}: ${issue.message}`),
  )
}

/** The iteration limit for one additional-information process (MOSIP: per-process, else default). */
export function maxAllowedIterationFor(settings: RegprcSettings, process: string): number {
  return settings.maxAllowedIterationByProcess[process] ?? settings.maxAllowedIteration
}
