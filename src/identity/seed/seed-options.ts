import { z } from 'zod'

/** "Now" of a seed run when --until is not given: fixed, so a seed never depends on the clock. */
export const defaultUntil = new Date('2026-01-01T00:00:00Z')

/** What a seed run is asked for (CLI flags, the start-up seed, tests). */
export const seedOptionsSchema = z.strictObject({
  residents: z.coerce.number().int().min(10).max(5_000_000),
  days: z.coerce.number().int().min(1).max(3_650),
  seed: z.string().trim().min(1).max(128),
  /** End of the window (exclusive), UTC; the country's "now". */
  until: z.coerce
    .date()
    .refine((date) => !Number.isNaN(date.getTime()), 'not a date')
    .default(defaultUntil),
})

export type SeedOptions = z.output<typeof seedOptionsSchema>
export type SeedOptionsInput = z.input<typeof seedOptionsSchema>

export const dayMs = 86_400_000

/** Midnight UTC of the window's first day. */
export function windowStart(options: SeedOptions): Date {
  const end = Date.UTC(
    options.until.getUTCFullYear(),
    options.until.getUTCMonth(),
    options.until.getUTCDate(),
  )
  return new Date(end - options.days * dayMs)
}

/** 'YYYY-MM-DD' of a UTC date. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10)
