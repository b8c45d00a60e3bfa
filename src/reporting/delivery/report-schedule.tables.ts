import type { ColumnType, Selectable, Updateable } from 'kysely'

/**
 * One report schedule. `recipients` is a FieldCipher ciphertext (record = schedule id, field
 * 'recipients') of the JSON list of addresses; every other column is plain and holds no
 * personal data (`created_by` is a staff user id).
 */
export interface ReportScheduleTable {
  id: string
  report_id: string
  /** 'today' | 'previous-day' | 'previous-7-days' | 'previous-month'. */
  window: string
  center: string | null
  threshold_hours: number | null
  format: 'csv' | 'pdf'
  recipients: string
  cron: string
  /** Always 'UTC' for now: windows and cron are both read in UTC. */
  timezone: string
  enabled: boolean
  created_by: string
  created_at: ColumnType<Date, Date, never>
  updated_at: Date
  /** When the runner next sends it; advanced (by a claim) before the report is computed. */
  next_run_at: Date
  last_run_at: Date | null
  /** 'sent' | 'queued' | 'held' (notify's result) or 'failed'; null before the first run. */
  last_status: string | null
  /** Why the last run failed: an error code and short text, never report data or addresses. */
  last_error: string | null
  /** The notify message of the last run, to follow it in the outbox. */
  last_message_id: string | null
}

/** The tables of reporting's delivery part, for `db.withTables<ReportScheduleTables>()`. */
export type ReportScheduleTables = { 'reporting.report_schedule': ReportScheduleTable }

export type ReportScheduleRow = Selectable<ReportScheduleTable>
export type ReportScheduleUpdate = Updateable<ReportScheduleTable>
