import { AppError } from '../../platform/errors.js'

/** Errors of the live stream. None carries event data. */
export const liveErrors = {
  invalidOptions: (detail: string) =>
    new AppError({
      code: 'MOS-RPT-601',
      status: 500,
      message: `Invalid live stream options: ${detail}`,
      action: 'Fix the live stream settings.',
    }),
  closed: () =>
    new AppError({
      code: 'MOS-RPT-602',
      status: 503,
      message: 'The live stream is closed',
      action: 'Retry once the server has restarted the live stream.',
    }),
}
