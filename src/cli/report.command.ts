import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { z } from 'zod'
import {
  exportFormats,
  openReportingRuntime,
  parseReportRequest,
  ReportService,
  reportCatalog,
  reportErrors,
  reportIds,
} from '../reporting/index.js'
import { columns, complain, say } from './output.js'
import { withPlatform } from './with-platform.js'

const flagsSchema = z.strictObject({
  date: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  center: z.string().optional(),
  thresholdHours: z.string().optional(),
  format: z.enum(exportFormats).default('json'),
  out: z.string().min(1).optional(),
})

/**
 * `mosaic report <id>`: brings the lake up to date with the database (unless a running server
 * owns it and keeps it current), runs the report for the operator (every center) and writes it
 * to stdout or `--out`. Without an id, lists the reports.
 */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('run an operational report (UTC days); without <id>, list the reports')
    .argument('[id]', `one of: ${reportIds.join(', ')}`)
    .option('--date <YYYY-MM-DD>', 'the day, for single-day reports')
    .option('--from <YYYY-MM-DD>', 'first day of the range')
    .option('--to <YYYY-MM-DD>', 'last day of the range (included)')
    .option('--center <id>', 'one registration center (5 digits)')
    .option('--threshold-hours <h>', 'hours without a transaction that make a packet stuck')
    .option('--format <format>', `${exportFormats.join(', ')}`, 'json')
    .option('--out <file>', 'write to a file instead of stdout (needed for xlsx and pdf)')
    .action(async (id: string | undefined, raw: Record<string, unknown>) => {
      if (id === undefined) return listReports()
      const parsed = flagsSchema.safeParse(raw)
      if (!parsed.success) {
        throw reportErrors.invalidOptions(
          parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`),
        )
      }
      const { format, out, ...params } = parsed.data
      if (out === undefined && (format === 'xlsx' || format === 'pdf') && process.stdout.isTTY) {
        throw reportErrors.invalidOptions([
          `--format ${format} is binary: give --out <file> or redirect stdout`,
        ])
      }
      parseReportRequest(id, params) // fails fast, before the database is opened
      const file = await withPlatform(async (platform) => {
        const runtime = await openReportingRuntime(platform, { background: false })
        try {
          await catchUpShowingProgress(runtime)
          const service = new ReportService(runtime, () => platform.auth.zoneHierarchy())
          return await service.export(id, params, { kind: 'operator', name: 'cli' }, format)
        } finally {
          await runtime.close()
        }
      })
      if (out === undefined) process.stdout.write(file.body)
      else {
        await writeFile(out, file.body)
        complain(`wrote ${out}`)
      }
    })
}

function listReports(): void {
  say(columns(reportIds.map((id) => [id, reportCatalog[id].description])))
}

/** Catching up a large backlog takes a while: say how far it is every few seconds. */
async function catchUpShowingProgress(
  runtime: Awaited<ReturnType<typeof openReportingRuntime>>,
): Promise<void> {
  const timer = setInterval(() => {
    const rows = runtime.progress().reduce((sum, p) => sum + p.rowsDelivered, 0)
    complain(`bringing the lake up to date: ${rows.toLocaleString('en')} changes captured`)
  }, 3000)
  try {
    await runtime.catchUp()
  } finally {
    clearInterval(timer)
  }
}
