import { z } from 'zod'

/**
 * Parameters shared by the reports (`mosaic report <id> --date D | --from D --to D
 * [--center ID]`). Every date is a UTC calendar day; a range is inclusive at both ends.
 */

/** Longest range a report accepts, in days (a leap year); longer spans belong to the rollups. */
export const maxRangeDays = 366

const dayMs = 86_400_000

/** 'YYYY-MM-DD' that names a real calendar day (no 2025-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'not a calendar day')

/**
 * A registration center id as it appears in a RID: its first 5 digits (MOSIP's
 * `mosip.kernel.registrationcenterid.length=5`). The virtual centre `10000` carries the
 * resident portal's and the administration's requests.
 */
export const centerIdSchema = z.string().regex(/^\d{5}$/, 'expected a 5-digit center id')

/** Hours without a transaction after which an in-flight packet is stuck (default 24, max 30 days). */
export const thresholdHoursSchema = z.coerce.number().int().min(1).max(720).default(24)

/** Days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1
}

const rangeShape = { from: isoDateSchema, to: isoDateSchema }

function checkRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = daysInRange(range.from, range.to)
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` is before `from`' })
  else if (days > maxRangeDays)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `range longer than ${maxRangeDays} days`,
    })
}

/** `--date D [--center C]`. */
export const dayParamsSchema = z.strictObject({
  date: isoDateSchema,
  center: centerIdSchema.optional(),
})

/** `--from D --to D [--center C]`. */
export const rangeParamsSchema = z
  .strictObject({ ...rangeShape, center: centerIdSchema.optional() })
  .superRefine(checkRange)

/** `--from D --to D` with no center (the data carries none). */
export const rangeNoCenterParamsSchema = z.strictObject(rangeShape).superRefine(checkRange)

/** `--from D --to D --center C` (center required). */
export const rangeCenterParamsSchema = z
  .strictObject({ ...rangeShape, center: centerIdSchema })
  .superRefine(checkRange)

/** `--from D --to D [--center C] [--threshold-hours H]`. */
export const rangeThresholdParamsSchema = z
  .strictObject({
    ...rangeShape,
    center: centerIdSchema.optional(),
    thresholdHours: thresholdHoursSchema,
  })
  .superRefine(checkRange)

/** `--date D [--center C] [--threshold-hours H]`. */
export const dayThresholdParamsSchema = z.strictObject({
  date: isoDateSchema,
  center: centerIdSchema.optional(),
  thresholdHours: thresholdHoursSchema,
})
