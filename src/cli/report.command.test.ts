import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMosaic } from '../../test/support/spawn-mosaic.js'
import { openDatabase, type Database } from '../platform/db/index.js'
import { decodeExport, pdfShowsRows } from '../reporting/export/export-decode.test-kit.js'
import { reportCatalog, type ReportId } from '../reporting/report-catalog.js'
import { oracleReport } from '../reporting/report-oracle.test-kit.js'

// The CLI as an operator runs it on an embedded installation: seed, then report. Each run
// brings the lake under <home>/lake up to date before answering.
describe('mosaic report', () => {
  const home = mkdtempSync(join(tmpdir(), 'mosaic-report-cli-'))
  const env = { MOSAIC_HOME: home }
  const window = { from: '2025-05-29', to: '2025-06-04' }
  let database: Database

  beforeAll(async () => {
    const seeded = await runMosaic(
      [
        'seed',
        '--residents',
        '200',
        '--days',
        '7',
        '--seed',
        'cli-report',
        '--until',
        '2025-06-05',
      ],
      env,
    )
    expect(seeded.code, seeded.stderr).toBe(0)
  }, 120_000)

  afterAll(async () => {
    await database?.close()
    rmSync(home, { recursive: true, force: true })
  })

  /** The oracle over the same database, opened once the CLI runs are over (PGlite: one process). */
  async function oracle(id: ReportId, params: Record<string, string>) {
    database ??= await openDatabase({ dataDir: join(home, 'pgdata') })
    return oracleReport(database.db, id, params as never)
  }

  async function report(args: string[]) {
    const run = await runMosaic(['report', ...args], env)
    expect(run.code, run.stderr).toBe(0)
    return run.stdout
  }

  it('lists the reports without an id', async () => {
    const listing = await report([])
    for (const id of Object.keys(reportCatalog)) expect(listing).toContain(id)
  }, 60_000)

  it('writes every format, each equal to the independent SQL', async () => {
    const json = await report(['registrations-per-day', '--from', window.from, '--to', window.to])
    const csv = await report([
      'uin-updates',
      '--from',
      window.from,
      '--to',
      window.to,
      '--format',
      'csv',
    ])
    const xlsxFile = join(home, 'stats.xlsx')
    await report([
      'packet-processing-stats',
      '--from',
      window.from,
      '--to',
      window.to,
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
    ])
    const pdfFile = join(home, 'by-center.pdf')
    await report([
      'registrations-by-center',
      '--date',
      '2025-06-02',
      '--format',
      'pdf',
      '--out',
      pdfFile,
    ])

    const perDay = await oracle('registrations-per-day', window)
    expect(perDay.some((row) => row.count > 0)).toBe(true)
    expect(JSON.parse(json)).toEqual(perDay)
    expect(decodeExport('csv', reportCatalog['uin-updates'], Buffer.from(csv, 'utf8'))).toEqual(
      await oracle('uin-updates', window),
    )
    expect(
      decodeExport('xlsx', reportCatalog['packet-processing-stats'], readFileSync(xlsxFile)),
    ).toEqual(await oracle('packet-processing-stats', window))
    const byCenter = await oracle('registrations-by-center', { date: '2025-06-02' })
    expect(byCenter.length).toBeGreaterThan(0)
    expect(
      pdfShowsRows(reportCatalog['registrations-by-center'], readFileSync(pdfFile), byCenter),
    ).toBe(true)
  }, 240_000)

  it('refuses bad input with the error and what to do', async () => {
    const unknown = await runMosaic(['report', 'no-such-report'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('MOS-RPT-001')
    const badDate = await runMosaic(
      ['report', 'registrations-by-center', '--date', '2025-02-30'],
      env,
    )
    expect(badDate.code).toBe(1)
    expect(badDate.stderr).toContain('MOS-RPT-002')
    expect(badDate.stderr).toContain('not a calendar day')
  }, 120_000)
})
