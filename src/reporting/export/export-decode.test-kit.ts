import type { ReportColumn } from '../report-columns.js'
import { readCsv } from './csv-reader.test-kit.js'
import type { ExportFormat, ExportableReport } from './export-format.js'
import { printableTimestamp } from './export-cells.js'
import { readPdf } from './pdf-reader.test-kit.js'
import { readSheetCells, readZip } from './zip-reader.test-kit.js'

type Row = Record<string, string | number | null>

const dayMs = 86_400_000
const excelEpochMs = Date.UTC(1899, 11, 30)

/**
 * Reads an exported report back into row objects with the catalog's value types, with readers
 * independent of the writers: JSON parsed, CSV by RFC 4180, XLSX cells from the sheet XML
 * (serial dates turned back into ISO text). PDF is print, not data: see `pdfShowsRows`.
 */
export function decodeExport(
  format: Exclude<ExportFormat, 'pdf'>,
  report: ExportableReport,
  body: Buffer,
): Row[] {
  switch (format) {
    case 'json':
      return JSON.parse(body.toString('utf8')) as Row[]
    case 'csv':
      return decodeCsv(report, body)
    case 'xlsx':
      return decodeXlsx(report, body)
  }
}

function decodeCsv(report: ExportableReport, body: Buffer): Row[] {
  const text = body.toString('utf8')
  if (!text.startsWith('\uFEFF')) throw new Error('CSV without its byte order mark')
  const [header, ...records] = readCsv(text.slice(1))
  const names = header?.map((field) => field.text)
  if (JSON.stringify(names) !== JSON.stringify(report.columns.map((c) => c.name)))
    throw new Error(`CSV header ${JSON.stringify(names)}`)
  return records.map((fields) =>
    Object.fromEntries(
      report.columns.map((column, i) => {
        const field = fields[i]
        if (field === undefined || (field.text === '' && !field.quoted)) return [column.name, null]
        return [column.name, column.type === 'integer' ? Number(field.text) : field.text]
      }),
    ),
  )
}

function decodeXlsx(report: ExportableReport, body: Buffer): Row[] {
  const sheet = readZip(body).get('xl/worksheets/sheet1.xml')
  if (sheet === undefined) throw new Error('workbook without sheet1')
  const cells = readSheetCells(sheet.toString('utf8'))
  const letters = report.columns.map((_, i) => String.fromCharCode(65 + i))
  let header = 1
  while (cells.get(`A${header}`)?.value !== report.columns[0]?.name) {
    if (++header > 10) throw new Error('no header row')
  }
  const rows: Row[] = []
  for (let r = header + 1; [...letters].some((l) => cells.has(`${l}${r}`)); r++) {
    rows.push(
      Object.fromEntries(
        report.columns.map((column, i) => {
          const cell = cells.get(`${letters[i]}${r}`)
          return [column.name, cell === undefined ? null : sheetValue(column, cell.value)]
        }),
      ),
    )
  }
  return rows
}

function sheetValue(column: ReportColumn, value: string): string | number {
  const iso = () => new Date(Math.round(excelEpochMs + Number(value) * dayMs)).toISOString()
  switch (column.type) {
    case 'integer':
      return Number(value)
    case 'date':
      return iso().slice(0, 10)
    case 'timestamp':
      return iso()
    case 'text':
      return value
  }
}

/**
 * Whether a PDF prints every row, in order, cell by cell as people read them (timestamps to the
 * second): the text of its pages, whitespace removed (wrapping adds breaks), holds each
 * expected cell after the previous one.
 */
export function pdfShowsRows(
  report: ExportableReport,
  body: Buffer,
  rows: readonly Readonly<Record<string, unknown>>[],
): boolean {
  const text = readPdf(body).texts.join('').replaceAll(/\s+/g, '')
  let at = text.indexOf(report.columns.map((c) => c.name).join(''))
  if (at < 0) return false
  for (const row of rows) {
    for (const column of report.columns) {
      const value = row[column.name]
      if (value === null || value === undefined) continue
      const printed = column.type === 'timestamp' ? printableTimestamp(String(value)) : value
      const next = text.indexOf(String(printed).replaceAll(/\s+/g, ''), at)
      if (next < 0) return false
      at = next
    }
  }
  return true
}
