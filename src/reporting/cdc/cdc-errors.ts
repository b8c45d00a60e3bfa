import { AppError } from '../../platform/errors.js'

/** An error of change data capture: ours to fix or configure (500), never carrying row data. */
export function cdc(code: string, message: string, action: string, cause?: unknown): AppError {
  return new AppError({
    code,
    status: 500,
    message,
    action,
    ...(cause !== undefined && { cause }),
  })
}

/** Errors of the change data capture connectors. None carries row data. */
export const cdcErrors = {
  invalidOptions: (detail: string) =>
    cdc('MOS-RPT-101', `Invalid CDC connector options: ${detail}`, 'Fix the connector settings.'),
  personalColumn: (table: string, column: string) =>
    cdc(
      'MOS-RPT-102',
      `CDC may not capture ${table}.${column}: it holds personal data`,
      'Remove the column from the captured table.',
    ),
  unsupportedKey: (table: string, column: string) =>
    cdc(
      'MOS-RPT-103',
      `Primary key column ${table}.${column} is neither text nor an integer`,
      'Capture tables keyed by text or integer columns only.',
    ),
  checkpointConflict: (source: string, table: string) =>
    cdc(
      'MOS-RPT-104',
      `The CDC checkpoint of ${source}/${table} was moved by another connector`,
      'Run one connector per source; restart this one to resume from the stored checkpoint.',
    ),
  stopped: () =>
    cdc('MOS-RPT-105', 'The CDC connector is stopped', 'Open a new connector to resume.'),
}
