import { AppError } from '../../../platform/errors.js'

/** Errors of the record-change journal: consent refusals and integrity-log back-pressure. */
export const journalErrors = {
  consentRefused: (reason: string) =>
    new AppError({
      code: 'MOS-IDR-101',
      status: 403,
      message: `The change was refused: ${reason}`,
      action:
        'Send the change with valid consent: the registration packet (kind "packet") or the resident\'s signed approval (kind "resident"); see docs/integrity.md.',
    }),
  consentReused: () =>
    new AppError({
      code: 'MOS-IDR-102',
      status: 409,
      message: 'This signed approval was already used for an earlier change',
      action: 'Ask the resident to approve this change with a new nonce.',
    }),
  logBusy: (outstanding: number) =>
    new AppError({
      code: 'MOS-IDR-103',
      status: 503,
      message: `The integrity log has ${outstanding} changes still to record; nothing was changed`,
      action: 'Retry in a few seconds (the log records changes in batches).',
    }),
  logTimeout: (seconds: number) =>
    new AppError({
      code: 'MOS-IDR-104',
      status: 503,
      message: `The change is saved but the integrity log did not record it within ${seconds} s`,
      action:
        'Check that the integrity module is running (`mosaic integrity status`); the change will be acknowledged once the log records it: read the record again before retrying.',
    }),
}
