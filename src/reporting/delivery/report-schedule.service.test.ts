import { pino } from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openSeedHarness, runSeed, type SeedHarness } from '../../identity/index.js'
import { settingsSchema } from '../../platform/config/index.js'
import { createFieldCipher } from '../../platform/crypto/index.js'
import { migrate } from '../../platform/db/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { createNotifyService, notifyMigrations } from '../../platform/notify/index.js'
import { parseMime } from '../../platform/notify/parse-mime.js'
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/notify/test-smtp-server.js'
import { reportingHistory } from '../cdc/reporting.migrations.js'
import { readCsv } from '../export/csv-reader.test-kit.js'
import { readPdf } from '../export/pdf-reader.test-kit.js'
import { reportCatalog, type ReportId } from '../report-catalog.js'
import { oracleReport } from '../report-oracle.test-kit.js'
import type { ReportScheduleService } from './report-schedule.service.js'
import { createReportScheduleService } from './report-schedule.service.js'
import type { RunReport } from './report-schedule.js'
import type { ReportScheduleTables } from './report-schedule.tables.js'

const admin = { userId: 'u-admin', roles: ['ADMIN'] }
// The seed's 10 days end (exclusive) at 2026-01-01; schedules run inside them.
const created = new Date('2025-12-30T05:30:00Z')
const firstRun = new Date('2025-12-30T06:00:00Z')

describe.each(testBackends)('report schedules on %s', (backend) => {
  let harness: SeedHarness
  let smtp: TestSmtpServer
  let services: { close(): Promise<void> }[] = []
  const db = () => harness.database.db
  const oracle: RunReport = (id, params) => oracleReport(db(), id, params)

  beforeAll(async () => {
    harness = await openSeedHarness(backend)
    await runSeed(harness, { residents: 200, days: 10, seed: 'delivery' })
    await migrate(db(), [notifyMigrations, reportingHistory])
  }, 300_000)
  afterAll(() => harness.database.drop())
  afterEach(async () => {
    await Promise.all(services.map((s) => s.close()))
    services = []
    await smtp?.close()
    await db().withTables<ReportScheduleTables>().deleteFrom('reporting.report_schedule').execute()
  })

  async function start(runReport: RunReport = oracle): Promise<ReportScheduleService> {
    smtp = await startTestSmtpServer({ user: 'mosaic', pass: 'pw' })
    return service(runReport)
  }
  function service(runReport: RunReport): ReportScheduleService {
    const cipher = createFieldCipher(harness.keys)
    const notify = createNotifyService({
      db: db(),
      cipher,
      settings: { ...settingsSchema.parse({}).notify, smtpUrl: smtp.url },
      logger: pino({ level: 'silent' }),
    })
    services.push(notify)
    return createReportScheduleService({ db: db(), cipher, notify, runReport, now: () => created })
  }

  const attachmentOf = (index: number) => {
    const mail = parseMime(smtp.received[index]!.raw)
    expect(mail.attachments).toHaveLength(1)
    return { mail, file: mail.attachments[0]! }
  }
  const cells = (id: ReportId, row: Record<string, unknown>) =>
    reportCatalog[id].columns.map((c) => String(row[c.name] ?? ''))

  it('sends a CSV and a PDF whose rows equal the oracle for the window, and advances next_run_at', async () => {
    const schedules = await start()
    const csv = await schedules.create(
      {
        reportId: 'registrations-per-day',
        params: { window: 'previous-7-days' },
        format: 'csv',
        recipients: ['Ops@Example.org', 'chief@example.org'],
        cron: '0 6 * * *',
      },
      admin,
    )
    expect(csv.nextRunAt).toEqual(firstRun)
    expect(await schedules.runDue(created)).toEqual({ claimed: 0, delivered: 0, failed: 0 })

    const report = await schedules.runDue(new Date('2025-12-30T06:00:20Z'))
    expect(report).toEqual({ claimed: 1, delivered: 1, failed: 0 })
    await expect.poll(() => smtp.received.length).toBe(1)
    expect(smtp.received[0]!.rcptTo).toEqual(['ops@example.org', 'chief@example.org'])
    const expected = await oracle('registrations-per-day', { from: '2025-12-23', to: '2025-12-29' })
    const { mail, file } = attachmentOf(0)
    expect(file.filename).toBe('registrations-per-day_2025-12-23_2025-12-29.csv')
    expect(file.contentType).toMatch(/^text\/csv/)
    const records = readCsv(file.content.toString('utf8').replace(/^\uFEFF/, ''))
    expect(records.slice(1).map((r) => r.map((f) => f.text))).toEqual(
      expected.map((row) => cells('registrations-per-day', row)),
    )
    expect(expected.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0)
    expect(mail.headers.get('subject')).toContain('2025-12-23 to 2025-12-29')
    expect(mail.text).toContain(`${expected.length} rows`)

    const after = await schedules.get(csv.id)
    expect(after).toMatchObject({
      nextRunAt: new Date('2025-12-31T06:00:00Z'),
      lastRunAt: new Date('2025-12-30T06:00:20Z'),
      lastStatus: 'sent',
      lastError: null,
    })

    const pdf = await schedules.create(
      {
        reportId: 'center-approval-eod',
        params: { window: 'previous-day' },
        format: 'pdf',
        recipients: ['ops@example.org'],
        cron: '30 7 * * 1-5',
      },
      admin,
    )
    expect(pdf.nextRunAt).toEqual(new Date('2025-12-30T07:30:00Z'))
    expect(await schedules.runNow(pdf.id)).toMatchObject({ outcome: { status: 'sent' } })
    await expect.poll(() => smtp.received.length).toBe(2)
    const day = await oracle('center-approval-eod', { date: '2025-12-29' })
    expect(day.length).toBeGreaterThan(0)
    const printed = attachmentOf(1)
    expect(printed.file.filename).toBe('center-approval-eod_2025-12-29.pdf')
    const { texts } = readPdf(printed.file.content)
    const header = reportCatalog['center-approval-eod'].columns.map((c) => c.name)
    const first = texts.indexOf('center_id')
    expect(texts.slice(first, first + header.length)).toEqual(header)
    expect(texts.slice(first + header.length, first + header.length * (day.length + 1))).toEqual(
      day.flatMap((row) => cells('center-approval-eod', row)),
    )
    // Sending now leaves the schedule's own next run where it was.
    expect((await schedules.get(pdf.id)).nextRunAt).toEqual(new Date('2025-12-30T07:30:00Z'))
  })

  it('stores recipients encrypted', async () => {
    const schedules = await start()
    const s = await schedules.create(
      {
        reportId: 'uin-updates',
        params: { window: 'previous-month' },
        format: 'csv',
        recipients: ['ops@example.org'],
        cron: '0 5 1 * *',
      },
      admin,
    )
    const row = await db()
      .withTables<ReportScheduleTables>()
      .selectFrom('reporting.report_schedule')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.recipients).toMatch(/^f1\./)
    expect(row.recipients).not.toContain('example.org')
    expect(s.recipients).toEqual(['ops@example.org'])
  })

  it('records a failing run and sends at the next run, never losing the schedule', async () => {
    let broken = true
    const flaky: RunReport = (id, params) =>
      broken ? Promise.reject(new Error('engine down')) : oracle(id, params)
    const schedules = await start(flaky)
    const s = await schedules.create(
      {
        reportId: 'uin-updates',
        params: { window: 'today' },
        format: 'csv',
        recipients: ['ops@example.org'],
        cron: '0 6 * * *',
      },
      admin,
    )
    expect(await schedules.runDue(new Date('2025-12-30T06:01:00Z'))).toMatchObject({ failed: 1 })
    expect(await schedules.get(s.id)).toMatchObject({
      enabled: true,
      lastStatus: 'failed',
      lastError: 'internal error (Error)',
      nextRunAt: new Date('2025-12-31T06:00:00Z'),
    })
    expect(smtp.received).toHaveLength(0)

    broken = false
    expect(await schedules.runDue(new Date('2025-12-31T06:00:00Z'))).toMatchObject({ delivered: 1 })
    await expect.poll(() => smtp.received.length).toBe(1)
    const records = readCsv(
      attachmentOf(0)
        .file.content.toString('utf8')
        .replace(/^\uFEFF/, ''),
    )
    expect(records.slice(1).map((r) => r[0]?.text)).toEqual(['2025-12-31'])
    expect(await schedules.get(s.id)).toMatchObject({ lastStatus: 'sent', lastError: null })
  })

  it('sends a due run once when two runners sweep at the same time', async () => {
    const one = await start()
    const two = service(oracle)
    await one.create(
      {
        reportId: 'registrations-per-day',
        params: { window: 'previous-day' },
        format: 'csv',
        recipients: ['ops@example.org'],
        cron: '0 6 * * *',
      },
      admin,
    )
    const at = new Date('2025-12-30T06:00:05Z')
    const reports = await Promise.all([one.runDue(at), two.runDue(at), one.runDue(at)])
    expect(reports.reduce((n, r) => n + r.claimed, 0)).toBe(1)
    await expect.poll(() => smtp.received.length).toBe(1)
    expect(await one.runDue(new Date('2025-12-30T06:30:00Z'))).toMatchObject({ claimed: 0 })
    expect(smtp.received).toHaveLength(1)
  })
})
