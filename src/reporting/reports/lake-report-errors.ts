import { AppError } from '../../platform/errors.js'

/** Errors of computing reports from the lake. None carries report data. */
export const lakeReportErrors = {
  invalidScope: () =>
    new AppError({
      code: 'MOS-RPT-301',
      status: 500,
      message: 'Invalid report scope: centers must be "all" or a list of 5-digit center ids',
      action: 'Build the scope from the lake with centerZones and the caller’s zones.',
    }),
  noCenterToScope: (id: string) =>
    new AppError({
      code: 'MOS-RPT-302',
      status: 403,
      message: `${id} has no center, so it cannot be limited to your zones`,
      action: 'Ask a user whose zones cover the whole country (an administrator) for this report.',
    }),
}
