import type { ReportColumn } from '../report-columns.js'
import { rowDoesNotMatchReport } from './export-errors.js'

/** A cell after checking it against its column: a count, an ISO date/time or text, or null. */
export type CellValue = string | number | null

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * The value of `column` in a row, checked against the column's type. The catalog's row schema
 * already says this; checking again here is cheap and keeps a wrong query from producing a
 * spreadsheet whose dates are text or whose counts are strings.
 */
export function cellValue(
  reportId: string,
  rowIndex: number,
  column: ReportColumn,
  value: unknown,
): CellValue {
  if (value === null || value === undefined) {
    if (column.nullable) return null
    throw rowDoesNotMatchReport(reportId, rowIndex, column.name, `a non-null ${column.type}`)
  }
  switch (column.type) {
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value
      break
    case 'date':
      if (typeof value === 'string' && datePattern.test(value)) return value
      break
    case 'timestamp':
      if (typeof value === 'string' && timestampPattern.test(value)) return value
      break
    case 'text':
      if (typeof value === 'string') return value
      break
  }
  const article = column.type === 'integer' ? 'an' : 'a'
  throw rowDoesNotMatchReport(reportId, rowIndex, column.name, `${article} ${column.type}`)
}

/** An ISO timestamp as people read it in print: `2025-03-01 14:05:09` (UTC, seconds). */
export function printableTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}
