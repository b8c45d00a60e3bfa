import { z } from 'zod'
import { reportIds } from '../report-catalog.js'
import type { ReportSchedule } from './report-schedule.js'
import { reportWindows } from './report-window.js'

const timestamp = z.iso.datetime()

/** A schedule as the API returns it. */
export const scheduleViewSchema = z.object({
  id: z.string(),
  reportId: z.enum(reportIds),
  params: z.object({
    window: z.enum(reportWindows),
    center: z.string().optional(),
    thresholdHours: z.number().int().optional(),
  }),
  format: z.enum(['csv', 'pdf']),
  /** In full for administrators; masked (`a***@example.org`) for everyone else. */
  recipients: z.array(z.string()),
  recipientsMasked: z.boolean(),
  cron: z.string(),
  timezone: z.literal('UTC'),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  nextRunAt: timestamp,
  lastRunAt: timestamp.nullable(),
  lastStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  lastMessageId: z.string().nullable(),
})

/** `a***@example.org`: enough to recognise a colleague's address, not to harvest it. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@')
  return `${address.slice(0, Math.min(1, at))}***${address.slice(at)}`
}

/** Presents a schedule; recipients are shown in full only when `fullRecipients`. */
export function presentSchedule(
  schedule: ReportSchedule,
  fullRecipients: boolean,
): z.input<typeof scheduleViewSchema> {
  return {
    id: schedule.id,
    reportId: schedule.reportId,
    params: schedule.params,
    format: schedule.format,
    recipients: fullRecipients ? [...schedule.recipients] : schedule.recipients.map(maskEmail),
    recipientsMasked: !fullRecipients,
    cron: schedule.cron,
    timezone: schedule.timezone,
    enabled: schedule.enabled,
    createdBy: schedule.createdBy,
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
    nextRunAt: schedule.nextRunAt.toISOString(),
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    lastStatus: schedule.lastStatus,
    lastError: schedule.lastError,
    lastMessageId: schedule.lastMessageId,
  }
}
