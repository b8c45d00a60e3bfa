import { AppError } from '../../platform/errors.js'

/**
 * Errors of the analytics lake. None carries a row value: rows are anonymised facts, but the
 * rule is that lake contents never reach a message, log or event, so messages name rows by
 * index and columns by name only.
 */
export const lakeErrors = {
  invalidDataset: (detail: string) =>
    new AppError({
      code: 'MOS-LAKE-001',
      status: 500,
      message: `Invalid lake dataset definition: ${detail}`,
      action: 'Fix the dataset definition in code; see docs/reporting.md for the rules.',
    }),

  invalidRows: (dataset: string, issues: string) =>
    new AppError({
      code: 'MOS-LAKE-002',
      status: 500,
      message: `Rows rejected for lake dataset ${dataset}, nothing was written: ${issues}`,
      action: 'Fix the rows so they match the dataset schema and append the batch again.',
    }),

  invalidArgument: (detail: string) =>
    new AppError({
      code: 'MOS-LAKE-003',
      status: 500,
      message: `Invalid lake call: ${detail}`,
      action: 'Fix the call; see docs/reporting.md for the lake API.',
    }),

  storageFailed: (operation: string, detail: string) =>
    new AppError({
      code: 'MOS-LAKE-004',
      status: 500,
      message: `Lake ${operation} failed: ${detail}`,
      action:
        'Check the lake directory (space, permissions) and retry; completed files are intact.',
    }),

  queryFailed: (detail: string) =>
    new AppError({
      code: 'MOS-LAKE-005',
      status: 500,
      message: `Lake query failed: ${detail}`,
      action: 'Fix the query; lake views are named after their datasets and have a dt column.',
    }),

  partitionChanged: (partition: string) =>
    new AppError({
      code: 'MOS-LAKE-007',
      status: 409,
      message: `Lake partition ${partition} changed since it was copied; it was not deleted`,
      action: 'Run the operation again: it copies the partition as it stands now.',
    }),

  closed: (what: string) =>
    new AppError({
      code: 'MOS-LAKE-006',
      status: 500,
      message: `The lake ${what} is closed`,
      action: 'Open a new one; close it only when no call is pending.',
    }),
}

/** DuckDB error classes whose messages speak of SQL text and files, never of values read. */
const safeClasses = [
  'Parser Error',
  'Binder Error',
  'Catalog Error',
  'IO Error',
  'Permission Error',
]

/**
 * A DuckDB error in words that can be logged: the first line for errors about the statement
 * or files, only the class for the others (a Conversion Error, for one, quotes the value).
 */
export function describeDuckDbError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const firstLine = message.split('\n', 1)[0] ?? ''
  const errorClass = /^([A-Za-z ]+ Error):/.exec(firstLine)?.[1]
  if (errorClass === undefined) return 'DuckDB error'
  return safeClasses.includes(errorClass) ? firstLine : errorClass
}
