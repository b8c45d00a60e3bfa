import { describe, expect, it } from 'vitest'
import { reportCatalog } from '../report-catalog.js'
import { readCsv } from './csv-reader.test-kit.js'
import { awkward, sampleMeta, sampleRows, type SampleReportId } from './export-samples.test-kit.js'
import { textField } from './render-csv.js'
import { renderReport } from './render-report.js'

const ids = Object.keys(sampleRows) as SampleReportId[]

async function csvOf(
  id: SampleReportId,
): Promise<{ bytes: Buffer; records: ReturnType<typeof readCsv> }> {
  const out = await renderReport('csv', reportCatalog[id], sampleRows[id], sampleMeta(id))
  expect(out.contentType).toBe('text/csv; charset=utf-8; header=present')
  expect(out.fileExtension).toBe('csv')
  const bytes = Buffer.isBuffer(out.body) ? out.body : Buffer.from(out.body)
  return { bytes, records: readCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')) }
}

describe('renderReport csv', () => {
  it.each(ids)('%s: BOM, header of column names, one CRLF record per row', async (id) => {
    const { bytes, records } = await csvOf(id)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(-2).toString()).toBe('\r\n')
    expect(records[0]?.map((f) => f.text)).toEqual(reportCatalog[id].columns.map((c) => c.name))
    expect(records).toHaveLength(sampleRows[id].length + 1)
    for (const record of records) expect(record).toHaveLength(reportCatalog[id].columns.length)
  })

  it('writes counts bare and dates and times as their ISO strings', async () => {
    const perDay = await csvOf('registrations-per-day')
    expect(perDay.records.slice(1)).toEqual([
      [
        { text: '2025-01-01', quoted: false },
        { text: '12', quoted: false },
      ],
      [
        { text: '2025-01-02', quoted: false },
        { text: '0', quoted: false },
      ],
      [
        { text: '2025-01-03', quoted: false },
        { text: '1034', quoted: false },
      ],
    ])
    const stuck = await csvOf('stuck-packets')
    expect(stuck.records[1]?.map((f) => f.text)).toEqual([
      '10001100010000320250104080000',
      'LOST',
      'PACKET_RECEIVER',
      'PROCESSING',
      '2025-01-04T08:15:30.250Z',
      '39',
    ])
  })

  it('round-trips commas, quotes, line breaks and accents, and tells null from empty text', async () => {
    const { records } = await csvOf('registrations-by-center')
    const names = records.slice(1).map((r) => r[1])
    expect(names[0]).toEqual({ text: awkward.accents, quoted: false })
    expect(names[2]).toEqual({ text: awkward.separators, quoted: true })
    expect(names[3]).toEqual({ text: '', quoted: false }) // null
    expect(names[4]).toEqual({ text: '', quoted: true }) // ''
  })

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const byCenter = await csvOf('registrations-by-center')
    expect(byCenter.records[2]?.[1]).toEqual({ text: `'${awkward.formula}`, quoted: true })
    const failed = await csvOf('failed-packets')
    const [first, second] = failed.records.slice(1)
    expect(first?.[4]?.text).toBe(`'${awkward.minus}`)
    expect(first?.[5]?.text).toBe(`'${awkward.plusFormula}`)
    expect(second?.[3]).toEqual({ text: '', quoted: false }) // stage null
    expect(second?.[4]?.text).toBe(`'${awkward.at}`)
    for (const record of [...byCenter.records, ...failed.records])
      for (const field of record) expect(field.text).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('quotes neutralised cells and locale separators, leaves plain text bare', () => {
    expect(textField('NEW')).toBe('NEW')
    expect(textField('\tcmd')).toBe(`"'\tcmd"`)
    expect(textField('\rcmd')).toBe(`"'\rcmd"`)
    expect(textField('a;b')).toBe('"a;b"')
    expect(textField('say "hi"')).toBe('"say ""hi"""')
  })

  it('writes only the header for an empty result', async () => {
    const { bytes, records } = await csvOf('center-rejections')
    expect(records).toHaveLength(1)
    expect(bytes.toString('utf8')).toBe('\uFEFFreg_id,date,stage,reason_code,reason\r\n')
  })
})
