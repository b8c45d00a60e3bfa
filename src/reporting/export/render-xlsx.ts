import type { ReportColumn } from '../report-columns.js'
import { cellValue } from './export-cells.js'
import { tooManyRowsForFormat } from './export-errors.js'
import type {
  ExportRow,
  ExportableReport,
  RenderedReport,
  ReportExportMeta,
} from './export-format.js'
import { describeGeneration, describeParameters } from './export-title.js'
import {
  cellText,
  contentTypesXml,
  coreXml,
  rootRelsXml,
  stylesXml,
  workbookRelsXml,
  workbookXml,
  xlsxStyle,
} from './xlsx-parts.js'
import { ZipWriter } from './zip-writer.js'

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A worksheet's last row; two go to the title and the header. */
export const maxXlsxRows = 1_048_576 - 2

const headerRow = 2
const dayMs = 86_400_000
// Excel's day 0 in the 1900 date system, as it counts (it believes 1900 was a leap year).
const excelEpochMs = Date.UTC(1899, 11, 30)
// Flush sheet XML to the compressor in pieces of about this many UTF-16 units.
const pieceSize = 64 * 1024

/**
 * XLSX: one sheet named after the report, a title row (description, parameters, when and by
 * whom), a bold header row that stays frozen and is repeated on printed pages, and typed cells:
 * counts as numbers, dates and times as Excel serial dates with a date format, text as inline
 * strings (never evaluated as formulas, so no neutralising is needed and the text stays exact).
 * Written without a spreadsheet library: the sheet XML is produced row by row and deflated as it
 * goes, and inline strings avoid a shared-string table held in memory.
 */
export async function renderXlsx(
  report: ExportableReport,
  rows: readonly ExportRow[],
  meta: ReportExportMeta,
): Promise<RenderedReport> {
  if (rows.length > maxXlsxRows) throw tooManyRowsForFormat('xlsx', rows.length, maxXlsxRows)
  const title = `${report.description} — ${describeParameters(meta.parameters)} — ${describeGeneration(meta)}`
  const zip = new ZipWriter(meta.generatedAt)
  await zip.add('[Content_Types].xml', [contentTypesXml])
  await zip.add('_rels/.rels', [rootRelsXml])
  await zip.add('docProps/core.xml', [
    coreXml(report.description, meta.generatedBy, meta.generatedAt),
  ])
  await zip.add('xl/workbook.xml', [workbookXml(report.id.slice(0, 31), headerRow)])
  await zip.add('xl/_rels/workbook.xml.rels', [workbookRelsXml])
  await zip.add('xl/styles.xml', [stylesXml])
  await zip.add('xl/worksheets/sheet1.xml', sheetXml(report, rows, title))
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileExtension: 'xlsx',
    body: zip.finish(),
  }
}

function* sheetXml(
  report: ExportableReport,
  rows: readonly ExportRow[],
  title: string,
): Generator<string> {
  const letters = report.columns.map((_, index) => columnLetter(index))
  const lastRow = headerRow + rows.length
  const widths = columnWidths(report, rows)
  let piece =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${main}" xmlns:r="${officeRels}">` +
    `<dimension ref="A1:${letters.at(-1) ?? 'A'}${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/>` +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>' +
    widths
      .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
      .join('') +
    '</cols><sheetData>' +
    `<row r="1" ht="18" customHeight="1">${inlineString('A1', title, xlsxStyle.title)}</row>` +
    `<row r="${headerRow}">` +
    report.columns
      .map((c, i) => inlineString(`${letters[i]}${headerRow}`, c.name, xlsxStyle.header))
      .join('') +
    '</row>'
  for (const [index, row] of rows.entries()) {
    const r = headerRow + 1 + index
    piece += `<row r="${r}">`
    for (const [i, column] of report.columns.entries())
      piece += cellXml(
        `${letters[i]}${r}`,
        column,
        cellValue(report.id, index, column, row[column.name]),
      )
    piece += '</row>'
    if (piece.length >= pieceSize) {
      yield piece
      piece = ''
    }
  }
  yield `${piece}</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/></worksheet>`
}

function cellXml(ref: string, column: ReportColumn, value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return `<c r="${ref}" s="${xlsxStyle.integer}"><v>${value}</v></c>`
  if (column.type === 'date')
    return `<c r="${ref}" s="${xlsxStyle.date}"><v>${excelSerial(`${value}T00:00:00.000Z`)}</v></c>`
  if (column.type === 'timestamp')
    return `<c r="${ref}" s="${xlsxStyle.timestamp}"><v>${excelSerial(value)}</v></c>`
  return inlineString(ref, value, xlsxStyle.text)
}

function inlineString(ref: string, text: string, style: number): string {
  const s = style === xlsxStyle.text ? '' : ` s="${style}"`
  // Leading or trailing spaces are dropped by Excel unless the text says to keep them.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${cellText(text)}</t></is></c>`
}

/** Days since Excel's epoch, the fraction being the time of day (UTC, as the report is). */
export function excelSerial(iso: string): number {
  return (Date.parse(iso) - excelEpochMs) / dayMs
}

/** `A`, …, `Z`, `AA`, … for a zero-based column index. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

// Widths in characters of the default font: the longest value or name, within 8..60.
function columnWidths(report: ExportableReport, rows: readonly ExportRow[]): number[] {
  return report.columns.map((column) => {
    let longest = column.name.length
    if (column.type === 'date') longest = Math.max(longest, 10)
    else if (column.type === 'timestamp') longest = Math.max(longest, 19)
    else
      for (const row of rows) {
        const value = row[column.name]
        const length = typeof value === 'string' ? value.length : String(value ?? '').length
        if (length > longest) longest = length
      }
    return Math.min(Math.max(longest + 2, 8), 60)
  })
}
