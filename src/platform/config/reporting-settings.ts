import { z } from 'zod'
import { optionalUrl } from './url-setting.js'

const days = z.coerce.number().int().min(1).max(36_500)

const retentionSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lake dataset name'),
    z.strictObject({ archiveAfterDays: days.optional(), purgeAfterDays: days.optional() }),
  )
  .optional()
  .describe(
    'Retention per lake dataset (config file only), e.g. {audit_event: {archiveAfterDays: 90, purgeAfterDays: 730}}; named datasets replace their defaults (docs/reporting.md)',
  )

/**
 * The reporting module's settings (`reporting`). Here, with the other settings, so that
 * `mosaic config docs` lists them and the loader validates them at start.
 */
export const reportingSettingsSchema = z.strictObject({
  lakeDir: z
    .string()
    .optional()
    .describe('Folder of the Parquet lake (anonymised facts); unset = <home>/lake'),
  archiveDir: z
    .string()
    .optional()
    .describe('Folder lake partitions are archived to by retention; unset = <home>/lake-archive'),
  sourceUrl: optionalUrl(['postgres', 'postgresql']).describe(
    "PostgreSQL with MOSIP's schemas to capture changes from; unset = Mosaic's own database",
  ),
  cdcPollMs: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(1000)
    .describe('Milliseconds between change data capture polls (watermark mode)'),
  retention: retentionSchema,
})

export type ReportingSettings = z.infer<typeof reportingSettingsSchema>
