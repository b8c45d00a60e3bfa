import { describe, expect, it } from 'vitest'
import { reportCatalog } from '../report-catalog.js'
import {
  manyFailedPackets,
  sampleMeta,
  sampleRows,
  type SampleReportId,
} from './export-samples.test-kit.js'
import { readPdf } from './pdf-reader.test-kit.js'
import { fitColumnWidths, paginateRows } from './pdf-table-layout.js'
import { toWinAnsi } from './pdf-text.js'
import { renderReport } from './render-report.js'

async function pdfOf(id: SampleReportId, rows: readonly object[] = sampleRows[id]) {
  const out = await renderReport('pdf', reportCatalog[id], rows as never, sampleMeta(id))
  expect(out.contentType).toBe('application/pdf')
  expect(out.fileExtension).toBe('pdf')
  const body = out.body as Buffer
  expect(body.subarray(0, 5).toString()).toBe('%PDF-')
  expect(body.subarray(-6).toString()).toContain('%%EOF')
  return { body, ...readPdf(body) }
}

describe('renderReport pdf', () => {
  it('prints title, parameters, who and when, the header row and the rows', async () => {
    const { pages, texts, body } = await pdfOf('stuck-packets')
    expect(pages).toBe(1)
    expect(body.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]') // A4 portrait
    expect(texts).toEqual(
      expect.arrayContaining([
        reportCatalog['stuck-packets'].description,
        'Report: stuck-packets',
        'Parameters: from 2025-01-01, to 2025-01-31, center 10001',
        'Generated 2025-02-01 08:30:00 UTC by ops.admin. Dates and times are UTC.',
        'Page 1 of 1',
      ]),
    )
    const header = reportCatalog['stuck-packets'].columns.map((c) => c.name)
    const start = texts.indexOf('reg_id')
    expect(texts.slice(start, start + header.length)).toEqual(header)
    expect(texts.slice(start + header.length, start + 2 * header.length)).toEqual([
      '10001100010000320250104080000',
      'LOST',
      'PACKET_RECEIVER',
      'PROCESSING',
      '2025-01-04 08:15:30',
      '39',
    ])
  })

  it('keeps accents, prints formulas as text and wraps line breaks', async () => {
    const { texts } = await pdfOf('registrations-by-center')
    expect(texts).toContain('Centre Université Lódz \u0096 Agdal') // en dash is WinAnsi 0x96
    expect(texts).toContain('=HYPERLINK("http://evil.example","click")')
    expect(texts).toEqual(expect.arrayContaining(['Kénitra, "Nord"', 'annexe; étage 2']))
  })

  it('goes landscape for a wide report', async () => {
    const { body, texts } = await pdfOf('failed-packets')
    expect(body.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]')
    expect(texts).toContain('10002100020000220250106101500')
  })

  it('prints the header and a note for an empty result', async () => {
    const { pages, texts } = await pdfOf('center-rejections')
    expect(pages).toBe(1)
    expect(texts).toEqual(
      expect.arrayContaining(['reg_id', 'reason', 'No rows for these parameters.', 'Page 1 of 1']),
    )
  })

  it('repeats the header row and numbers every page of a long table', async () => {
    const rows = manyFailedPackets(3_000)
    const { pages, pageTexts } = await pdfOf('failed-packets', rows)
    expect(pages).toBeGreaterThan(50)
    expect(pageTexts).toHaveLength(pages)
    const seen: string[] = []
    pageTexts.forEach((texts, index) => {
      expect(texts).toContain(`Page ${index + 1} of ${pages}`)
      const start = texts.indexOf('reg_id')
      expect(texts.slice(start, start + 7)).toEqual(
        reportCatalog['failed-packets'].columns.map((c) => c.name),
      )
      seen.push(...texts.filter((t) => /^\d{29}$/.test(t)))
    })
    expect(seen).toEqual(rows.map((r) => r.reg_id)) // every row once, in order
  })
})

describe('pdf text and layout', () => {
  it('brings text into WinAnsi without losing Western European accents', () => {
    expect(toWinAnsi('Université de Fès – Saïss € œ')).toBe('Université de Fès – Saïss € œ')
    expect(toWinAnsi('Łódź Kőszeg Đakovo')).toBe('Lódz Koszeg Dakovo')
    expect(toWinAnsi('e\u0301')).toBe('é')
    expect(toWinAnsi('محمد 中')).toBe('???? ?')
    expect(toWinAnsi('a\r\nb\tc\u0000')).toBe('a\nb c?')
  })

  it('stretches narrow tables and shares the width between wide columns', () => {
    expect(fitColumnWidths([100, 100], 400)).toEqual([200, 200])
    expect(fitColumnWidths([50, 300, 500], 450)).toEqual([50, 200, 200])
  })

  it('cuts rows into pages, at least one row each', () => {
    const layout = { firstTop: 100, top: 40, bottom: 200, headerHeight: 10 }
    expect(paginateRows([], layout)).toEqual([0])
    expect(paginateRows([30, 30, 30, 30, 30, 30, 30], layout)).toEqual([0, 3])
    expect(paginateRows([500, 10], layout)).toEqual([0, 1])
  })
})
