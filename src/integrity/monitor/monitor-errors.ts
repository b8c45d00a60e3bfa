import { AppError } from '../../platform/errors.js'

/** Errors of `mosaic integrity monitor` itself (not alarms: those are the log's faults). */
export const monitorErrors = {
  invalidOptions: (detail: string) =>
    new AppError({
      code: 'MOS-INT-040',
      status: 400,
      message: `Invalid monitor options: ${detail}`,
      action:
        'Give --url <…/integrity>, --key <log vkey>, each --witness <vkey>, and --quorum up to their count.',
    }),
  alarm: (kind: string) =>
    new AppError({
      code: 'MOS-INT-041',
      status: 500,
      message: `The monitor raised an alarm (${kind})`,
      action:
        'Keep the state file and the fetched checkpoint as evidence; report it to the log operator and its witnesses.',
    }),
}
