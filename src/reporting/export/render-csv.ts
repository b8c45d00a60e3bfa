import { cellValue } from './export-cells.js'
import type { ExportRow, ExportableReport, RenderedReport } from './export-format.js'

/**
 * Excel reads a CSV without a byte order mark in the machine's ANSI code page, so `Université`
 * arrives as `UniversitÃ©`; with the UTF-8 BOM it reads UTF-8 on every locale. LibreOffice,
 * pandas (`utf-8-sig`), Python's csv and most parsers accept or strip it.
 */
const utf8Bom = '\uFEFF'

// OWASP's CSV injection list: a spreadsheet treats a cell starting with these as a formula.
const formulaStart = /^[=+\-@\t\r]/
// Fields that RFC 4180 requires to be quoted, plus `;` and tab, the separators Excel uses in
// other locales, so that a value can never be split into a cell of its own there.
const needsQuotes = /[",\r\n;\t]/

/**
 * CSV per RFC 4180: a header row of column names, CRLF line ends, UTF-8 with BOM. Counts are
 * written bare so they stay numbers; dates and times as ISO strings (UTC); null as an empty
 * field and the empty string as `""`. Text that starts like a formula is neutralised as OWASP
 * recommends: prefixed with `'` and quoted. Only text columns can hold such a value; the prefix
 * is visible in the cell, which is the price of not letting a comment run as a formula.
 */
export function renderCsv(report: ExportableReport, rows: readonly ExportRow[]): RenderedReport {
  const lines: string[] = [report.columns.map((column) => textField(column.name)).join(',')]
  for (const [index, row] of rows.entries()) {
    const fields: string[] = []
    for (const column of report.columns) {
      const value = cellValue(report.id, index, column, row[column.name])
      if (value === null) fields.push('')
      else if (typeof value === 'number') fields.push(String(value))
      else if (column.type === 'text') fields.push(textField(value))
      else fields.push(value)
    }
    lines.push(fields.join(','))
  }
  const body = Buffer.from(`${utf8Bom}${lines.join('\r\n')}\r\n`, 'utf8')
  return { contentType: 'text/csv; charset=utf-8; header=present', fileExtension: 'csv', body }
}

/** A text value as a CSV field: neutralised if it starts like a formula, quoted if it must be. */
export function textField(value: string): string {
  if (value === '') return '""'
  const safe = formulaStart.test(value) ? `'${value}` : value
  if (safe !== value || needsQuotes.test(safe)) return `"${safe.replaceAll('"', '""')}"`
  return safe
}
