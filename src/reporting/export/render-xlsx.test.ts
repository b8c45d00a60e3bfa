import { describe, expect, it } from 'vitest'
import { reportCatalog } from '../report-catalog.js'
import {
  awkward,
  manyFailedPackets,
  sampleMeta,
  sampleRows,
  type SampleReportId,
} from './export-samples.test-kit.js'
import { xlsxStyle } from './xlsx-parts.js'
import { columnLetter, excelSerial } from './render-xlsx.js'
import { renderReport } from './render-report.js'
import { assertBalancedXml, readSheetCells, readZip } from './zip-reader.test-kit.js'

const ids = Object.keys(sampleRows) as SampleReportId[]

async function workbookOf(id: SampleReportId, rows: readonly object[] = sampleRows[id]) {
  const out = await renderReport('xlsx', reportCatalog[id], rows as never, sampleMeta(id))
  expect(out.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(out.fileExtension).toBe('xlsx')
  expect(Buffer.isBuffer(out.body)).toBe(true)
  const entries = readZip(out.body as Buffer)
  const sheet = entries.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  return { entries, sheet, cells: readSheetCells(sheet) }
}

describe('renderReport xlsx', () => {
  it.each(ids)('%s: a valid package with one sheet, title, header, frozen header', async (id) => {
    const { entries, sheet, cells } = await workbookOf(id)
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ])
    for (const content of entries.values()) assertBalancedXml(content.toString('utf8'))
    const workbook = entries.get('xl/workbook.xml')?.toString('utf8')
    expect(workbook).toContain(`<sheet name="${id}" sheetId="1" r:id="rId1"/>`)
    expect(workbook).toContain(`'${id}'!$2:$2`) // header printed on every page
    expect(sheet).toContain(
      '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>',
    )
    const columns = reportCatalog[id].columns
    expect(sheet.match(/<col min=/g)).toHaveLength(columns.length)
    const title = cells.get('A1')
    expect(title?.style).toBe(xlsxStyle.title)
    expect(title?.value).toContain(reportCatalog[id].description)
    expect(title?.value).toContain('from 2025-01-01, to 2025-01-31, center 10001')
    expect(title?.value).toContain('generated 2025-02-01 08:30:00 UTC by ops.admin')
    columns.forEach((column, i) => {
      expect(cells.get(`${columnLetter(i)}2`)).toEqual({
        style: xlsxStyle.header,
        type: 'inlineStr',
        value: column.name,
      })
    })
    const last = sampleRows[id].length + 2
    expect(sheet).toContain(`<dimension ref="A1:${columnLetter(columns.length - 1)}${last}"/>`)
  })

  it('writes counts as numbers and dates as serial numbers with a date style', async () => {
    const { cells } = await workbookOf('registrations-per-day')
    expect(cells.get('A3')).toEqual({ style: xlsxStyle.date, type: undefined, value: '45658' })
    expect(cells.get('B3')).toEqual({ style: xlsxStyle.integer, type: undefined, value: '12' })
    expect(cells.get('B4')?.value).toBe('0')
    expect(cells.get('A5')?.value).toBe('45660')
  })

  it('writes timestamps as serial date-times with the time of day (UTC)', async () => {
    const { cells } = await workbookOf('stuck-packets')
    const since = cells.get('E3')
    expect(since?.style).toBe(xlsxStyle.timestamp)
    expect(since?.type).toBeUndefined()
    expect(Number(since?.value)).toBeCloseTo(45661 + (8 * 3600 + 15 * 60 + 30.25) / 86400, 9)
    expect(excelSerial('2025-01-05T23:59:59.999Z')).toBeLessThan(45663)
    expect(cells.get('F3')).toEqual({ style: xlsxStyle.integer, type: undefined, value: '39' })
  })

  it('keeps text exact as inline strings: formulas are never evaluated, nulls are no cell', async () => {
    const { cells, sheet } = await workbookOf('registrations-by-center')
    expect(cells.get('A3')).toEqual({ style: xlsxStyle.text, type: 'inlineStr', value: '10001' })
    expect(cells.get('B3')?.value).toBe(awkward.accents)
    expect(cells.get('B4')?.value).toBe(awkward.formula)
    expect(cells.get('B5')?.value).toBe(awkward.separators)
    expect(cells.has('B6')).toBe(false) // null
    expect(cells.get('B7')?.value).toBe('')
    expect(sheet).not.toContain('<f>')
  })

  it('escapes characters XML cannot carry the SpreadsheetML way', async () => {
    const rows = [{ center_id: '10001', center_name: 'bell\u0007 _x0041_ <b>&', count: 1 }]
    const { cells } = await workbookOf('registrations-by-center', rows)
    expect(cells.get('B3')?.value).toBe('bell_x0007_ _x005F_x0041_ <b>&')
  })

  it('writes an empty result as title and header only', async () => {
    const { cells, sheet } = await workbookOf('center-rejections')
    expect([...cells.keys()]).toEqual(['A1', 'A2', 'B2', 'C2', 'D2', 'E2'])
    expect(sheet).toContain('<dimension ref="A1:E2"/>')
  })

  it('writes 20,000 rows, compressed, every one readable', async () => {
    const rows = manyFailedPackets(20_000)
    const out = await renderReport(
      'xlsx',
      reportCatalog['failed-packets'],
      rows,
      sampleMeta('failed-packets'),
    )
    const sheet =
      readZip(out.body as Buffer)
        .get('xl/worksheets/sheet1.xml')
        ?.toString('utf8') ?? ''
    expect(sheet.match(/<row /g)).toHaveLength(20_002)
    expect(readSheetCells(sheet).get('A20002')?.value).toBe(rows.at(-1)?.reg_id)
    expect(out.body.length).toBeLessThan(sheet.length / 5)
  })

  it('names columns past Z like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ])
  })
})
