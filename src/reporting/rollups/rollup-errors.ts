import { AppError } from '../../platform/errors.js'

/** Errors of the periodic rollups. None carries row data. */
export const rollupErrors = {
  invalidRange: (detail: string) =>
    new AppError({
      code: 'MOS-RPT-701',
      status: 400,
      message: `Invalid rollup range: ${detail}`,
      action: 'Give from and to as YYYY-MM-DD with from <= to, and granularity hour, day or all.',
    }),
  aborted: (done: number, total: number) =>
    new AppError({
      code: 'MOS-RPT-702',
      status: 503,
      message: `Rollup recompute stopped after ${done} of ${total} days`,
      action: 'Run it again for the remaining days; finished days are complete.',
    }),
}
