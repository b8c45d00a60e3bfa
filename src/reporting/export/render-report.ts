import { exportMetaMismatch } from './export-errors.js'
import type {
  ExportFormat,
  ExportRow,
  ExportableReport,
  RenderedReport,
  ReportExportMeta,
} from './export-format.js'
import { renderCsv } from './render-csv.js'
import { renderJson } from './render-json.js'
import { renderPdf } from './render-pdf.js'
import { renderXlsx } from './render-xlsx.js'

/**
 * A report's rows in one of the export formats (CLI `--format`, the API, the dashboard's
 * export). `report` is the catalog definition the rows were computed for: its columns, in
 * order and with their types, decide the layout and the cell types of every format.
 */
export async function renderReport(
  format: ExportFormat,
  report: ExportableReport,
  rows: readonly ExportRow[],
  meta: ReportExportMeta,
): Promise<RenderedReport> {
  if (meta.reportId !== report.id) throw exportMetaMismatch(report.id, meta.reportId)
  switch (format) {
    case 'json':
      return renderJson(report, rows)
    case 'csv':
      return renderCsv(report, rows)
    case 'xlsx':
      return renderXlsx(report, rows, meta)
    case 'pdf':
      return renderPdf(report, rows, meta)
  }
}
