import { AppError } from '../platform/errors.js'

/** Errors of running a report for a caller (the API, the CLI). None carries report data. */
export const reportErrors = {
  unknownReport: (id: string) =>
    new AppError({
      code: 'MOS-RPT-001',
      status: 404,
      message: `There is no report "${id.slice(0, 64)}"`,
      action: 'List the reports with GET /api/v1/reports or `mosaic report --help`.',
    }),
  invalidParams: (id: string, detail: string) =>
    new AppError({
      code: 'MOS-RPT-002',
      status: 400,
      message: `Invalid parameters for ${id}: ${detail}`,
      action: 'Give --date YYYY-MM-DD, or --from and --to, as the report asks (UTC days).',
    }),
  invalidOptions: (problems: readonly string[]) =>
    new AppError({
      code: 'MOS-RPT-005',
      status: 400,
      message: `Invalid options: ${problems.join('; ')}`,
      action: 'See `mosaic report --help`.',
    }),
  seedLoading: () =>
    new AppError({
      code: 'MOS-RPT-006',
      status: 503,
      message: 'A synthetic country is being seeded into the database; the lake waits for it',
      action: 'Run the report again when `mosaic seed` (or the start-up seed) has finished.',
    }),
  lakeHeld: (lakeRoot: string) =>
    new AppError({
      code: 'MOS-RPT-008',
      status: 409,
      message: `The lake ${lakeRoot} is written by another running Mosaic process`,
      action:
        'Stop that process first, or let its scheduled jobs (reporting.rollups, reporting.retention) do this.',
    }),
  centerOutsideZones: (center: string) =>
    new AppError({
      code: 'MOS-RPT-003',
      status: 403,
      message: `Center ${center} is not in your zones`,
      action: 'Choose a center of your zones, or ask an administrator to extend your zones.',
    }),
  administratorsOnly: (id: string) =>
    new AppError({
      code: 'MOS-RPT-004',
      status: 403,
      message: `Only administrators may run ${id}`,
      action: 'Ask an administrator for this report.',
    }),
}
