import { AppError } from '../../platform/errors.js'

/** Errors of scheduled report delivery. Messages name fields and ids, never addresses. */
export const deliveryErrors = {
  invalidSchedule: (problems: readonly string[]) =>
    new AppError({
      code: 'MOS-RPT-901',
      status: 400,
      message: `Invalid report schedule: ${problems.join('; ')}`,
      action: 'Correct the named fields and send again.',
    }),
  scheduleNotFound: (id: string) =>
    new AppError({
      code: 'MOS-RPT-902',
      status: 404,
      message: `No report schedule with id ${id}`,
      action: 'List the schedules to find the id.',
    }),
  reportNotAllowed: (reportId: string) =>
    new AppError({
      code: 'MOS-RPT-903',
      status: 403,
      message: `Only administrators may schedule ${reportId}`,
      action: 'Ask an administrator to create this schedule.',
    }),
}
