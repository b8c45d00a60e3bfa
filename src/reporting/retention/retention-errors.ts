import { AppError } from '../../platform/errors.js'

/** Errors of retention (archive and purge). None carries row data. */
export const retentionErrors = {
  invalidInput: (detail: string) =>
    new AppError({
      code: 'MOS-RPT-801',
      status: 400,
      message: `Invalid retention input: ${detail}`,
      action: 'Fix the policy or options (purgeAfterDays > archiveAfterDays, dates YYYY-MM-DD).',
    }),
  archiveMismatch: (partition: string, detail: string) =>
    new AppError({
      code: 'MOS-RPT-802',
      status: 500,
      message: `Archive of ${partition} failed verification (${detail}); the lake copy was kept`,
      action: 'Check the archive directory (space, permissions) and run retention again.',
    }),
  aborted: (done: number, total: number) =>
    new AppError({
      code: 'MOS-RPT-803',
      status: 503,
      message: `Retention stopped after ${done} of ${total} partitions`,
      action: 'Run it again: finished partitions are complete and the rest are planned anew.',
    }),
}
