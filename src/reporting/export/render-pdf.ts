import { once } from 'node:events'
import PDFDocument from 'pdfkit'
import type { ReportColumn } from '../report-columns.js'
import { cellValue, printableTimestamp } from './export-cells.js'
import type {
  ExportRow,
  ExportableReport,
  RenderedReport,
  ReportExportMeta,
} from './export-format.js'
import { describeGeneration, describeParameters } from './export-title.js'
import { fitColumnWidths, paginateRows } from './pdf-table-layout.js'
import { toWinAnsi } from './pdf-text.js'

const a4 = { width: 595.28, height: 841.89 }
const margin = 36
const fontSize = 8
const padX = 3
const padY = 2
// A long comment wraps to at most this many lines and then ends with an ellipsis.
const maxCellLines = 6
const regular = 'Helvetica'
const bold = 'Helvetica-Bold'
const ruleColor = '#c8c8c8'
const headerFill = '#e6e6e6'
const quietColor = '#555555'

type Doc = PDFKit.PDFDocument
type Measure = (font: string, text: string) => number

/**
 * Widths of strings at the table's size, remembered: report cells repeat (stages, codes, dates)
 * and pdfkit's kerning lookups make measuring the bulk of the work on large reports.
 */
function widthMeter(doc: Doc): Measure {
  const caches = new Map<string, Map<string, number>>()
  return (font, text) => {
    let cache = caches.get(font)
    if (cache === undefined) caches.set(font, (cache = new Map()))
    let width = cache.get(text)
    if (width === undefined) {
      width = doc.font(font).fontSize(fontSize).widthOfString(text)
      if (cache.size >= 100_000) cache.clear()
      cache.set(text, width)
    }
    return width
  }
}

/**
 * PDF: an A4 document (landscape when the columns need it) with the title, parameters and who
 * generated it when, then the table whose header row is repeated on every page, and "Page n of
 * N" in every footer. Rows are measured and cut into pages first, so pages are written once, in
 * order, and each is flushed to the output as the next begins (pdfkit without bufferPages).
 * Standard Helvetica: nothing to embed, text limited to WinAnsi (see `pdf-text.ts`).
 */
export async function renderPdf(
  report: ExportableReport,
  rows: readonly ExportRow[],
  meta: ReportExportMeta,
): Promise<RenderedReport> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    autoFirstPage: false,
    bufferPages: false,
    info: {
      Title: toWinAnsi(report.description),
      Subject: report.id,
      Author: toWinAnsi(meta.generatedBy),
      Creator: 'Mosaic',
      CreationDate: meta.generatedAt,
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = once(doc, 'end')

  const text = (index: number): string[] => {
    const row = rows[index] ?? {}
    return report.columns.map((c) => printable(c, cellValue(report.id, index, c, row[c.name])))
  }
  const headers = report.columns.map((c) => toWinAnsi(c.name))
  const measure = widthMeter(doc)
  const natural = naturalWidths(measure, report, headers, rows.length, text)
  const portraitWidth = a4.width - 2 * margin
  const landscape = natural.reduce((sum, w) => sum + w, 0) > portraitWidth
  const widths = fitColumnWidths(natural, landscape ? a4.height - 2 * margin : portraitWidth)
  doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin })
  const firstTop = titleBlock(doc, report, meta)

  doc.font(regular).fontSize(fontSize)
  const lineHeight = doc.currentLineHeight(true)
  const heightOf = (cells: readonly string[], font: string): number => {
    let lines = 1
    for (const [i, cell] of cells.entries()) {
      const inner = (widths[i] ?? 0) - 2 * padX
      if (cell.includes('\n') || measure(font, cell) > inner) {
        doc.font(font)
        const wrapped = Math.round(doc.heightOfString(cell, { width: inner }) / lineHeight)
        lines = Math.max(lines, Math.min(wrapped, maxCellLines))
      }
    }
    return lines * lineHeight + 2 * padY
  }
  const headerHeight = heightOf(headers, bold)
  const rowHeights = new Float64Array(rows.length)
  for (let index = 0; index < rows.length; index++)
    rowHeights[index] = heightOf(text(index), regular)
  const pageHeight = doc.page.height
  const starts = paginateRows(rowHeights, {
    firstTop,
    top: margin + lineHeight + 6,
    // a point of slack so that rounding never pushes pdfkit into a page of its own
    bottom: pageHeight - margin - 1,
    headerHeight,
  })

  const table = { left: margin, widths, lineHeight, measure }
  for (const [page, start] of starts.entries()) {
    let y = firstTop
    if (page > 0) {
      doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin })
      runningHead(doc, report, meta)
      y = margin + lineHeight + 6
    }
    y = drawRow(doc, table, headers, y, headerHeight, bold, report.columns, true)
    const end = starts[page + 1] ?? rows.length
    for (let index = start; index < end; index++)
      y = drawRow(
        doc,
        table,
        text(index),
        y,
        rowHeights[index] ?? 0,
        regular,
        report.columns,
        false,
      )
    if (rows.length === 0)
      doc
        .font(regular)
        .fontSize(fontSize)
        .fillColor(quietColor)
        .text('No rows for these parameters.', margin, y + padY, { lineBreak: false })
    footer(doc, report, meta, page + 1, starts.length)
  }
  doc.end()
  await ended
  return { contentType: 'application/pdf', fileExtension: 'pdf', body: Buffer.concat(chunks) }
}

function printable(column: ReportColumn, value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  if (column.type === 'timestamp') return printableTimestamp(value)
  return toWinAnsi(value)
}

// The width each column would like: its widest cell or header, with padding, within 40..260 pt.
function naturalWidths(
  measure: Measure,
  report: ExportableReport,
  headers: readonly string[],
  rowCount: number,
  text: (index: number) => string[],
): number[] {
  const widths = headers.map((header) => measure(bold, header))
  for (let index = 0; index < rowCount; index++)
    for (const [i, cell] of text(index).entries()) {
      // the widest line of a cell; a line longer than any column could be is not measured exactly
      for (const line of cell.split('\n')) {
        const width = line.length > 120 ? 1000 : measure(regular, line)
        if (width > (widths[i] ?? 0)) widths[i] = width
      }
    }
  return widths.map((w, i) => {
    const min = report.columns[i]?.type === 'text' ? 40 : 30
    return Math.min(Math.max(w + 2 * padX + 1, min), 260)
  })
}

// Title, report id, parameters and generation on page one; returns where the table starts.
function titleBlock(doc: Doc, report: ExportableReport, meta: ReportExportMeta): number {
  const width = doc.page.width - 2 * margin
  doc.font(bold).fontSize(14).fillColor('black')
  doc.text(toWinAnsi(report.description), margin, margin, { width })
  doc.moveDown(0.3).font(regular).fontSize(9)
  doc.text(`Report: ${report.id}`, { width })
  doc.text(`Parameters: ${toWinAnsi(describeParameters(meta.parameters))}`, { width })
  doc.text(`${capitalised(toWinAnsi(describeGeneration(meta)))}. Dates and times are UTC.`, {
    width,
  })
  return doc.y + 8
}

function runningHead(doc: Doc, report: ExportableReport, meta: ReportExportMeta): void {
  const head = `${report.description} (${report.id}), ${describeParameters(meta.parameters)}`
  doc.font(regular).fontSize(fontSize).fillColor(quietColor)
  doc.text(toWinAnsi(head), margin, margin, {
    width: doc.page.width - 2 * margin,
    height: doc.currentLineHeight(true),
    ellipsis: true,
  })
}

function footer(
  doc: Doc,
  report: ExportableReport,
  meta: ReportExportMeta,
  page: number,
  pages: number,
): void {
  const y = doc.page.height - margin + 10
  const label = `Page ${page} of ${pages}`
  doc.font(regular).fontSize(fontSize).fillColor(quietColor)
  doc.text(toWinAnsi(`${report.id}, ${describeGeneration(meta)}`), margin, y, { lineBreak: false })
  doc.text(label, doc.page.width - margin - doc.widthOfString(label), y, { lineBreak: false })
}

function drawRow(
  doc: Doc,
  table: { left: number; widths: readonly number[]; lineHeight: number; measure: Measure },
  cells: readonly string[],
  y: number,
  height: number,
  font: string,
  columns: readonly ReportColumn[],
  header: boolean,
): number {
  const width = table.widths.reduce((sum, w) => sum + w, 0)
  if (header) doc.rect(table.left, y, width, height).fill(headerFill)
  doc.font(font).fontSize(fontSize).fillColor('black')
  let x = table.left
  for (const [i, cell] of cells.entries()) {
    const columnWidth = table.widths[i] ?? 0
    const inner = columnWidth - 2 * padX
    const textWidth = table.measure(font, cell)
    if (!cell.includes('\n') && textWidth <= inner) {
      const right = columns[i]?.type === 'integer'
      doc.text(cell, right ? x + columnWidth - padX - textWidth : x + padX, y + padY, {
        lineBreak: false,
      })
    } else
      doc.text(cell, x + padX, y + padY, {
        width: inner,
        height: maxCellLines * table.lineHeight,
        ellipsis: true,
      })
    x += columnWidth
  }
  doc
    .moveTo(table.left, y + height)
    .lineTo(table.left + width, y + height)
    .lineWidth(0.5)
    .stroke(ruleColor)
  return y + height
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
