import { describe, expect, it } from 'vitest'
import { reportCatalog } from '../report-catalog.js'
import { exportFormatSchema, exportFormats } from './export-format.js'
import { sampleMeta } from './export-samples.test-kit.js'
import { renderReport } from './render-report.js'

describe('renderReport', () => {
  it('accepts the four formats and nothing else at the boundary', () => {
    expect(exportFormats).toEqual(['json', 'csv', 'xlsx', 'pdf'])
    expect(exportFormatSchema.safeParse('xlsx').success).toBe(true)
    expect(exportFormatSchema.safeParse('xls').success).toBe(false)
  })

  it.each(exportFormats)('%s refuses a row that does not match its column', async (format) => {
    const report = reportCatalog['registrations-per-day']
    const rows = [{ date: '2025-01-01', count: '12' }]
    await expect(renderReport(format, report, rows, sampleMeta(report.id))).rejects.toMatchObject({
      code: 'MOS-RPT-501',
      status: 500,
      message: 'report registrations-per-day: row 0, column count is not an integer',
    })
  })

  it('refuses a null in a column that cannot be null, and a date that is not a day', async () => {
    const report = reportCatalog['stuck-packets']
    const row = {
      reg_id: 'x',
      process: 'NEW',
      stage: null,
      status: null,
      since: '2025-01-01T00:00:00.000Z',
      hours: 1,
    }
    await expect(renderReport('csv', report, [row], sampleMeta(report.id))).rejects.toMatchObject({
      code: 'MOS-RPT-501',
    })
    const perDay = reportCatalog['registrations-per-day']
    await expect(
      renderReport(
        'json',
        perDay,
        [{ date: '2025-01-01T00:00:00Z', count: 1 }],
        sampleMeta(perDay.id),
      ),
    ).rejects.toMatchObject({ code: 'MOS-RPT-501' })
  })

  it('refuses metadata of another report', async () => {
    await expect(
      renderReport('json', reportCatalog['uin-updates'], [], sampleMeta('registrations-per-day')),
    ).rejects.toMatchObject({ code: 'MOS-RPT-502' })
  })
})
