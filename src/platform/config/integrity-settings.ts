import { z } from 'zod'

/** The integrity module's settings (`integrity`); see docs/integrity.md. */
export const integritySettingsSchema = z.strictObject({
  origin: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'printable ASCII without spaces')
    .optional()
    .describe(
      "The log's origin line in checkpoints (e.g. id.example.gov/integrity); unset = <public URL host>/integrity",
    ),
  publishMs: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(1000)
    .describe('Milliseconds between checks for tree growth to sign and publish a checkpoint'),
  witnesses: z
    .array(
      z.strictObject({
        url: z.url({ protocol: /^https?$/ }),
        verifierKey: z.string().min(1).max(512),
      }),
    )
    .max(16)
    .default([])
    .describe(
      'Witnesses asked to cosign each checkpoint (config file only): [{url, verifierKey}], url up to the add-checkpoint path prefix',
    ),
})

export type IntegritySettings = z.infer<typeof integritySettingsSchema>
