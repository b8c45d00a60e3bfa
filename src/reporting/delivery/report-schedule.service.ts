import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import type { NotifyService } from '../../platform/notify/index.js'
import { reportCatalog, type ReportId } from '../report-catalog.js'
import { deliveryErrors } from './delivery-errors.js'
import {
  claimSchedule,
  deleteSchedule,
  findDueSchedules,
  findSchedule,
  insertSchedule,
  listSchedules,
  recordRun,
  updateSchedule,
} from './report-schedule.repository.js'
import {
  createScheduleSchema,
  nextCronRun,
  updateScheduleSchema,
} from './report-schedule.schema.js'
import type { ReportScheduleRow, ReportScheduleTables } from './report-schedule.tables.js'
import {
  type ReportSchedule,
  type RunReport,
  scheduleOfRow,
  sealRecipients,
} from './report-schedule.js'
import { type RunOutcome, runSchedule } from './schedule-run.js'
import { resolveParams, type ScheduleParams } from './report-window.js'
import { type z } from 'zod'

/** Who is creating or changing a schedule. */
export interface ScheduleActor {
  readonly userId: string
  readonly roles: readonly string[]
}

/** Counts from one `runDue` pass. */
export interface RunDueReport {
  /** Runs this caller claimed (another runner's claims are not counted). */
  readonly claimed: number
  readonly delivered: number
  readonly failed: number
}

/** Report schedules: CRUD, the per-minute sweep, and send-now. See docs/reporting.md. */
export interface ReportScheduleService {
  /** MOS-RPT-901 for invalid input, MOS-RPT-903 for an administrators' report by a non-admin. */
  create(input: unknown, actor: ScheduleActor): Promise<ReportSchedule>
  list(): Promise<ReportSchedule[]>
  /** MOS-RPT-902 when there is no such schedule. */
  get(id: string): Promise<ReportSchedule>
  update(id: string, input: unknown, actor: ScheduleActor): Promise<ReportSchedule>
  remove(id: string): Promise<void>
  /** Sends every enabled schedule whose next_run_at has come; safe on several runners at once. */
  runDue(now?: Date): Promise<RunDueReport>
  /** Sends one schedule now, whatever its cron or enabled flag; next_run_at is left as it is. */
  runNow(id: string): Promise<{ schedule: ReportSchedule; outcome: RunOutcome }>
}

export interface ReportScheduleServiceOptions {
  /** A database migrated with the reporting history (0002 creates the table). */
  readonly db: Db
  readonly cipher: FieldCipher
  readonly notify: Pick<NotifyService, 'send'>
  readonly runReport: RunReport
  readonly logger?: Pick<Logger, 'info' | 'warn'>
  /** Language of the email text (default 'eng'). */
  readonly language?: string
  readonly now?: () => Date
}

/** Schedules a pass looks at; the rest wait for the next minute. */
const sweepLimit = 50

/** Builds the schedule service over the reporting.report_schedule table. */
export function createReportScheduleService(
  options: ReportScheduleServiceOptions,
): ReportScheduleService {
  const db = options.db.withTables<ReportScheduleTables>()
  const { cipher } = options
  const clock = options.now ?? (() => new Date())
  const deps = {
    runReport: options.runReport,
    notify: options.notify,
    ...(options.language !== undefined && { language: options.language }),
  }

  const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
    const parsed = schema.safeParse(input)
    if (parsed.success) return parsed.data
    throw deliveryErrors.invalidSchedule(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    )
  }
  const check = (reportId: ReportId, params: ScheduleParams, actor: ScheduleActor, at: Date) => {
    if (reportCatalog[reportId].access === 'administrators' && !actor.roles.includes('ADMIN')) {
      throw deliveryErrors.reportNotAllowed(reportId)
    }
    const resolved = resolveParams(reportId, params, at)
    if (!resolved.ok) throw deliveryErrors.invalidSchedule(resolved.problems)
  }
  const next = (cron: string, after: Date): Date => {
    const at = nextCronRun(cron, after)
    if (!at) throw deliveryErrors.invalidSchedule(['cron: never fires again'])
    return at
  }
  const load = async (id: string): Promise<ReportScheduleRow> => {
    const row = await findSchedule(db, id)
    if (!row) throw deliveryErrors.scheduleNotFound(id)
    return row
  }
  const paramColumns = (params: ScheduleParams) => ({
    window: params.window,
    center: params.center ?? null,
    threshold_hours: params.thresholdHours ?? null,
  })
  const record = async (id: string, outcome: RunOutcome) => {
    await recordRun(db, id, {
      last_status: outcome.status,
      last_error: outcome.error,
      last_message_id: outcome.messageId,
    })
    const fields = { 'reporting.schedule.id': id, 'reporting.schedule.status': outcome.status }
    if (outcome.status === 'failed')
      options.logger?.warn(
        { ...fields, 'reporting.schedule.error': outcome.error },
        'report schedule run failed',
      )
    else options.logger?.info(fields, 'report schedule run handed to notify')
  }

  return {
    async create(input, actor) {
      const spec = parse(createScheduleSchema, input)
      const at = clock()
      check(spec.reportId, spec.params, actor, at)
      const id = randomUUID()
      const row = await insertSchedule(db, {
        id,
        report_id: spec.reportId,
        ...paramColumns(spec.params),
        format: spec.format,
        recipients: await sealRecipients(cipher, id, spec.recipients),
        cron: spec.cron,
        timezone: spec.timezone,
        enabled: spec.enabled,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
        next_run_at: next(spec.cron, at),
      })
      return scheduleOfRow(cipher, row)
    },

    async list() {
      return Promise.all((await listSchedules(db)).map((row) => scheduleOfRow(cipher, row)))
    },

    async get(id) {
      return scheduleOfRow(cipher, await load(id))
    },

    async update(id, input, actor) {
      const changes = parse(updateScheduleSchema, input)
      const current = await scheduleOfRow(cipher, await load(id))
      const at = clock()
      const reportId = changes.reportId ?? current.reportId
      const params = changes.params ?? current.params
      // Changing an administrators' report, or turning a schedule into one, needs ADMIN.
      check(reportId, params, actor, at)
      if (changes.reportId && changes.reportId !== current.reportId)
        check(current.reportId, current.params, actor, at)
      const cron = changes.cron ?? current.cron
      const enabled = changes.enabled ?? current.enabled
      // A new cron, or a schedule switched back on, counts from now: no burst of missed runs.
      const reschedule = cron !== current.cron || (enabled && !current.enabled)
      const row = await updateSchedule(db, id, {
        report_id: reportId,
        ...paramColumns(params),
        format: changes.format ?? current.format,
        ...(changes.recipients && {
          recipients: await sealRecipients(cipher, id, changes.recipients),
        }),
        cron,
        enabled,
        updated_at: at,
        ...(reschedule && { next_run_at: next(cron, at) }),
      })
      if (!row) throw deliveryErrors.scheduleNotFound(id)
      return scheduleOfRow(cipher, row)
    },

    async remove(id) {
      if (!(await deleteSchedule(db, id))) throw deliveryErrors.scheduleNotFound(id)
    },

    async runDue(now = clock()) {
      const report = { claimed: 0, delivered: 0, failed: 0 }
      for (const due of await findDueSchedules(db, now, sweepLimit)) {
        // Missed slots are skipped: the next run is the first one after now.
        const following = nextCronRun(due.cron, due.next_run_at > now ? due.next_run_at : now)
        // A cron that never fires again (a dated one) parks the schedule far in the future.
        const claimed = await claimSchedule(
          db,
          due.id,
          due.next_run_at,
          following ?? new Date('9999-12-31T00:00:00Z'),
          now,
        )
        if (!claimed) continue
        report.claimed += 1
        const schedule = await scheduleOfRow(cipher, claimed)
        const outcome = await runSchedule(
          deps,
          schedule,
          now,
          `report-schedule:${due.id}:${due.next_run_at.toISOString()}`,
        )
        await record(due.id, outcome)
        if (outcome.status === 'failed') report.failed += 1
        else report.delivered += 1
      }
      return report
    },

    async runNow(id) {
      const schedule = await scheduleOfRow(cipher, await load(id))
      const outcome = await runSchedule(deps, schedule, clock())
      await record(id, outcome)
      return { schedule: await scheduleOfRow(cipher, await load(id)), outcome }
    },
  }
}
