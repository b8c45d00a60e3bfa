import type { FieldCipher } from '../../platform/crypto/index.js'
import type { ReportId, ReportParamsInput, ReportRow } from '../report-catalog.js'
import type { ReportScheduleRow } from './report-schedule.tables.js'
import type { ScheduleParams } from './report-window.js'

/** Computes a report; injected, so delivery works with whichever engine answers reports. */
export type RunReport = <I extends ReportId>(
  id: I,
  params: ReportParamsInput<I>,
) => Promise<ReportRow<I>[]>

/** A schedule as the service returns it, recipients decrypted. */
export interface ReportSchedule {
  readonly id: string
  readonly reportId: ReportId
  readonly params: ScheduleParams
  readonly format: 'csv' | 'pdf'
  readonly recipients: readonly string[]
  readonly cron: string
  readonly timezone: 'UTC'
  readonly enabled: boolean
  /** Staff user id of whoever created it. */
  readonly createdBy: string
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly nextRunAt: Date
  readonly lastRunAt: Date | null
  readonly lastStatus: string | null
  readonly lastError: string | null
  readonly lastMessageId: string | null
}

const recipientsField = (id: string) => ({ recordId: id, field: 'recipients' })

/** Encrypts a schedule's recipients, bound to its id. */
export function sealRecipients(
  cipher: FieldCipher,
  id: string,
  recipients: readonly string[],
): Promise<string> {
  return cipher.encrypt(JSON.stringify(recipients), recipientsField(id))
}

/** A stored schedule in the clear. */
export async function scheduleOfRow(
  cipher: FieldCipher,
  row: ReportScheduleRow,
): Promise<ReportSchedule> {
  const recipients = JSON.parse(
    await cipher.decrypt(row.recipients, recipientsField(row.id)),
  ) as string[]
  return {
    id: row.id,
    reportId: row.report_id as ReportId,
    params: {
      window: row.window as ScheduleParams['window'],
      ...(row.center !== null && { center: row.center }),
      ...(row.threshold_hours !== null && { thresholdHours: row.threshold_hours }),
    },
    format: row.format,
    recipients,
    cron: row.cron,
    timezone: 'UTC',
    enabled: row.enabled,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastMessageId: row.last_message_id,
  }
}
