import { Cron } from 'croner'
import { z } from 'zod'
import { reportIds } from '../report-catalog.js'
import { scheduleParamsSchema } from './report-window.js'

/** Formats a schedule can attach: the ones a person opens from an email. */
export const scheduleFormats = ['csv', 'pdf'] as const

/** Most recipients of one schedule (one email goes to all of them). */
export const maxRecipients = 20

/** The next time a UTC cron expression fires strictly after `after`; null if it never does. */
export function nextCronRun(expression: string, after: Date): Date | null {
  return new Cron(expression, { timezone: 'UTC', paused: true }).nextRun(after)
}

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week, UTC) that fires
 * at least once more. Seconds are refused: the runner looks for due schedules once a minute.
 */
export const cronSchema = z
  .string()
  .trim()
  .max(200)
  .transform((value) => value.replace(/\s+/g, ' '))
  .superRefine((value, context) => {
    if (value.split(' ').length !== 5) {
      context.addIssue({ code: 'custom', message: 'must have five fields: m h dom mon dow' })
      return
    }
    try {
      if (nextCronRun(value, new Date()) === null) {
        context.addIssue({ code: 'custom', message: 'never fires again' })
      }
    } catch (error) {
      context.addIssue({
        code: 'custom',
        message: `not a cron expression: ${(error as Error).message}`,
      })
    }
  })

// Addresses are compared and stored lower-case, so the same person is not listed twice.
const recipientsSchema = z
  .array(z.email('must be an email address').max(254))
  .min(1)
  .max(maxRecipients)
  .transform((list) => [...new Set(list.map((a) => a.toLowerCase()))])

const fields = {
  reportId: z.enum(reportIds),
  params: scheduleParamsSchema,
  format: z.enum(scheduleFormats),
  recipients: recipientsSchema,
  cron: cronSchema,
  /** Only UTC for now; the field exists so a later version can add zones without a break. */
  timezone: z.literal('UTC').default('UTC'),
  enabled: z.boolean().default(true),
}

/** A new schedule as the API takes it. */
export const createScheduleSchema = z.strictObject(fields)
export type CreateScheduleInput = z.input<typeof createScheduleSchema>

/** Changes to a schedule: any subset of the fields; recipients, when given, replace the list. */
export const updateScheduleSchema = z.strictObject({
  reportId: fields.reportId.optional(),
  params: fields.params.optional(),
  format: fields.format.optional(),
  recipients: fields.recipients.optional(),
  cron: fields.cron.optional(),
  timezone: z.literal('UTC').optional(),
  enabled: z.boolean().optional(),
})
export type UpdateScheduleInput = z.input<typeof updateScheduleSchema>
