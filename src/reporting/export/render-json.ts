import { cellValue, type CellValue } from './export-cells.js'
import type { ExportRow, ExportableReport, RenderedReport } from './export-format.js'

/**
 * JSON: an array of row objects whose keys are the report's columns in catalog order (the
 * catalog's row schema, nothing added), dates and times as the ISO strings the rows carry (UTC).
 * One row per line so that a large export stays readable and diffable; UTF-8 without BOM.
 */
export function renderJson(report: ExportableReport, rows: readonly ExportRow[]): RenderedReport {
  const lines: string[] = []
  for (const [index, row] of rows.entries()) {
    const ordered: Record<string, CellValue> = {}
    for (const column of report.columns)
      ordered[column.name] = cellValue(report.id, index, column, row[column.name])
    lines.push(JSON.stringify(ordered))
  }
  const body = lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`
  return { contentType: 'application/json; charset=utf-8', fileExtension: 'json', body }
}
