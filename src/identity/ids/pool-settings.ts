import { z } from 'zod'
import { idsErrors } from './errors.js'

/**
 * When and how much a pool refills. MOSIP refills its UIN pool below 200,000 UNUSED with
 * 500,000 at a time (mosip.kernel.uin.min-unused-threshold, uins-to-generate); Mosaic defaults to
 * 1,000 and 10,000, which suit an embedded PGlite database and a start-up that must stay quick.
 */
export const poolSettingsSchema = z
  .object({
    threshold: z.number().int().min(0).default(1_000),
    batch: z.number().int().min(1).max(10_000_000).default(10_000),
    /** Rows per INSERT while refilling. */
    chunk: z.number().int().min(1).max(50_000).default(2_000),
  })
  .strict()

export type PoolSettings = Readonly<z.output<typeof poolSettingsSchema>>
export type PoolSettingsInput = z.input<typeof poolSettingsSchema>

export function poolSettings(input?: PoolSettingsInput): PoolSettings {
  const result = poolSettingsSchema.safeParse(input ?? {})
  if (!result.success) throw idsErrors.invalidRules('pool', z.prettifyError(result.error))
  return result.data
}

/** What a refill did: rows added, and candidates dropped because the pool already had them. */
export interface RefillResult {
  readonly inserted: number
  readonly duplicates: number
}
