import { AppError } from '../../platform/errors.js'

/** A row whose value does not fit its column: a bug in the report query, not the caller's. */
export function rowDoesNotMatchReport(
  reportId: string,
  rowIndex: number,
  column: string,
  expected: string,
): AppError {
  return new AppError({
    code: 'MOS-RPT-501',
    status: 500,
    // The value itself is left out: it may be a comment or an id that does not belong in a log.
    message: `report ${reportId}: row ${rowIndex}, column ${column} is not ${expected}`,
    action: 'Report the problem to the platform team; the export was not produced.',
  })
}

/** The metadata names another report than the definition being rendered. */
export function exportMetaMismatch(reportId: string, metaReportId: string): AppError {
  return new AppError({
    code: 'MOS-RPT-502',
    status: 500,
    message: `export of ${reportId} was given the metadata of ${metaReportId}`,
    action: 'Report the problem to the platform team.',
  })
}

/** More rows than the format can hold (a worksheet has 1,048,576 rows). */
export function tooManyRowsForFormat(format: string, rows: number, limit: number): AppError {
  return new AppError({
    code: 'MOS-RPT-413',
    status: 413,
    message: `${rows} rows do not fit in ${format} (at most ${limit})`,
    action: 'Narrow the date range or the center, or export as CSV or JSON.',
  })
}
