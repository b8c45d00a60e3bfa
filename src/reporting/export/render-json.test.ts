import { describe, expect, it } from 'vitest'
import { reportCatalog } from '../report-catalog.js'
import { sampleMeta, sampleRows, type SampleReportId } from './export-samples.test-kit.js'
import { renderReport } from './render-report.js'

const ids = Object.keys(sampleRows) as SampleReportId[]

describe('renderReport json', () => {
  it.each(ids)('%s: an array of row objects, columns named and in catalog order', async (id) => {
    const report = reportCatalog[id]
    const rows = sampleRows[id]
    const out = await renderReport('json', report, rows, sampleMeta(id))
    expect(out.contentType).toBe('application/json; charset=utf-8')
    expect(out.fileExtension).toBe('json')
    const parsed: unknown = JSON.parse(String(out.body))
    expect(parsed).toEqual(rows)
    const list = parsed as Record<string, unknown>[]
    for (const row of list) {
      expect(Object.keys(row)).toEqual(report.columns.map((c) => c.name))
      expect(report.row.safeParse(row).success).toBe(true)
    }
  })

  it('keeps column order even when the row object lists its keys differently', async () => {
    const report = reportCatalog['stuck-packets']
    const first = sampleRows['stuck-packets'][0]!
    const shuffled = {
      hours: first.hours,
      since: first.since,
      status: first.status,
      stage: first.stage,
      process: first.process,
      reg_id: first.reg_id,
    }
    const out = await renderReport('json', report, [shuffled], sampleMeta(report.id))
    const text = String(out.body)
    expect(text.indexOf('"reg_id"')).toBeLessThan(text.indexOf('"hours"'))
    expect(JSON.parse(text)).toEqual([first])
  })

  it('writes an empty result as []', async () => {
    const report = reportCatalog['center-rejections']
    const out = await renderReport('json', report, [], sampleMeta(report.id))
    expect(JSON.parse(String(out.body))).toEqual([])
  })

  it('keeps text exactly, formulas and line breaks included (JSON is not a spreadsheet)', async () => {
    const report = reportCatalog['registrations-by-center']
    const out = await renderReport(
      'json',
      report,
      sampleRows['registrations-by-center'],
      sampleMeta(report.id),
    )
    const parsed = JSON.parse(String(out.body)) as { center_name: string | null }[]
    expect(parsed.map((r) => r.center_name)).toEqual(
      sampleRows['registrations-by-center'].map((r) => r.center_name),
    )
  })
})
