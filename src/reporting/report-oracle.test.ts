import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { testBackends } from '../platform/db/test-database.js'
import { openSeedHarness, runSeed, type SeedHarness } from '../identity/index.js'
import { reportCatalog, reportIds, type ReportId, type ReportRow } from './report-catalog.js'
import { ageBandOf, genderCodeOf } from './report-definitions.js'
import * as facts from './report-facts.test-kit.js'
import { oracleReport } from './report-oracle.test-kit.js'

// The seed's window: 30 days ending (exclusive) at its default --until, 2026-01-01.
const window = { from: '2025-12-02', to: '2025-12-31' }

describe('report catalog', () => {
  it('has the nine reports of issue 4, with their columns in order', () => {
    expect(reportIds).toEqual([
      'registrations-per-day',
      'uin-updates',
      'registrations-by-center',
      'uin-by-age-gender',
      'center-approval-eod',
      'center-rejections',
      'failed-packets',
      'packet-processing-stats',
      'stuck-packets',
    ])
    const columns = Object.fromEntries(
      reportIds.map((id) => [id, reportCatalog[id].columns.map((c) => c.name).join(', ')]),
    )
    expect(columns).toEqual({
      'registrations-per-day': 'date, count',
      'uin-updates': 'date, update, res_update',
      'registrations-by-center': 'center_id, center_name, count',
      'uin-by-age-gender': 'age_band, gender, count',
      'center-approval-eod': 'center_id, approved, rejected',
      'center-rejections': 'reg_id, date, stage, reason_code, reason',
      'failed-packets': 'reg_id, center_id, process, stage, sub_status_code, status_comment, date',
      'packet-processing-stats': 'date, new, update, lost, res_update, res_reprint, stuck, failed',
      'stuck-packets': 'reg_id, process, stage, status, since, hours',
    })
  })

  it('types rows exactly as the columns say', () => {
    expectTypeOf<ReportRow<'registrations-per-day'>>().toEqualTypeOf<{
      date: string
      count: number
    }>()
    expectTypeOf<ReportRow<'registrations-by-center'>>().toEqualTypeOf<{
      center_id: string
      center_name: string | null
      count: number
    }>()
  })

  it('validates parameters: dates, ranges, required and refused centers, thresholds', () => {
    const ok = (id: ReportId, params: unknown) => reportCatalog[id].params.safeParse(params).success
    expect(ok('registrations-per-day', window)).toBe(true)
    expect(ok('registrations-per-day', { from: '2025-12-31', to: '2025-12-01' })).toBe(false)
    expect(ok('registrations-per-day', { from: '2025-01-01', to: '2026-01-02' })).toBe(false)
    expect(ok('registrations-per-day', { date: '2025-12-01' })).toBe(false)
    expect(ok('registrations-by-center', { date: '2025-02-30' })).toBe(false)
    expect(ok('registrations-by-center', { date: '2025-12-01', center: '1001' })).toBe(false)
    expect(ok('center-rejections', window)).toBe(false)
    expect(ok('center-rejections', { ...window, center: '10001' })).toBe(true)
    expect(ok('uin-by-age-gender', { ...window, center: '10001' })).toBe(false)
    expect(reportCatalog['stuck-packets'].params.parse({ date: '2025-12-01' })).toEqual({
      date: '2025-12-01',
      thresholdHours: 24,
    })
    expect(ok('stuck-packets', { date: '2025-12-01', thresholdHours: 0 })).toBe(false)
  })

  it('bands ages and maps gender labels to MOSIP codes', () => {
    expect([0, 9, 10, 79, 80, 104, null, -1].map(ageBandOf)).toEqual([
      '0-9',
      '0-9',
      '10-19',
      '70-79',
      '80+',
      '80+',
      'UNKNOWN',
      'UNKNOWN',
    ])
    expect(['MLE', 'Female', ' others ', '', null, 'xyz'].map(genderCodeOf)).toEqual([
      'MLE',
      'FLE',
      'OTH',
      'UNKNOWN',
      'UNKNOWN',
      'XYZ',
    ])
  })
})

describe.each(testBackends)('report oracle on %s', (backend) => {
  let harness: SeedHarness
  let f: facts.Facts
  const db = () => harness.database.db
  // Chosen from the data in beforeAll.
  let busiestCenter: string
  let rejectingCenter: string
  let busiestDay: string
  let failingDay: string
  let stuckDay: string

  beforeAll(async () => {
    harness = await openSeedHarness(backend)
    await runSeed(harness, { residents: 1_500, days: 30, seed: 'reporting' })
    f = await facts.loadFacts(db(), harness.keyring)
    const tally = (keys: string[]) => {
      const counts = new Map<string, number>()
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ''
    }
    const regs = f.registrations
    busiestCenter = tally(regs.map((r) => r.reg_id.slice(0, 5)).filter((c) => c !== '10000'))
    rejectingCenter = tally(
      regs.filter((r) => r.status_code === 'REJECTED').map((r) => r.reg_id.slice(0, 5)),
    )
    busiestDay = tally(regs.map((r) => r.pkt_cr_dtimes!.toISOString().slice(0, 10)))
    failingDay = tally(
      regs
        .filter((r) => r.status_code === 'FAILED')
        .map((r) => r.latest_trn_dtimes!.toISOString().slice(0, 10)),
    )
    stuckDay = '2025-12-31'
  }, 300_000)
  afterAll(() => harness.database.drop())

  const dates = () => [busiestDay, failingDay, stuckDay, '2025-12-07', '2025-11-30', '2026-01-01']
  const ranges = () => [
    window,
    { from: '2025-12-08', to: '2025-12-14' },
    { from: '2025-11-20', to: '2026-01-05' },
    { from: busiestDay, to: busiestDay },
  ]
  const centers = () => [undefined, busiestCenter, rejectingCenter, '10000', '99999']

  it('seeds a country with every kind of row the reports need', () => {
    expect(f.registrations.length).toBeGreaterThan(1_500)
    const statuses = new Set(f.registrations.map((r) => r.status_code))
    for (const s of ['PROCESSED', 'REJECTED', 'FAILED', 'PROCESSING', 'REPROCESS'])
      expect(statuses.has(s), s).toBe(true)
    expect(f.issued.length).toBeGreaterThan(1_000)
    expect(busiestCenter).toMatch(/^\d{5}$/)
  })

  it('computes the per-day reports as the TypeScript facts do', async () => {
    for (const range of ranges())
      for (const center of centers()) {
        const p = { ...range, ...(center && { center }) }
        expect(await oracleReport(db(), 'registrations-per-day', p)).toEqual(
          facts.registrationsPerDay(f, p),
        )
        expect(await oracleReport(db(), 'uin-updates', p)).toEqual(facts.uinUpdates(f, p))
        expect(await oracleReport(db(), 'failed-packets', p)).toEqual(facts.failedPackets(f, p))
        if (center)
          expect(await oracleReport(db(), 'center-rejections', { ...range, center })).toEqual(
            facts.centerRejections(f, { ...range, center }),
          )
      }
  })

  it('computes the one-day reports as the TypeScript facts do', async () => {
    for (const date of dates())
      for (const center of centers()) {
        const p = { date, ...(center && { center }) }
        expect(await oracleReport(db(), 'registrations-by-center', p)).toEqual(
          facts.registrationsByCenter(f, p),
        )
        expect(await oracleReport(db(), 'center-approval-eod', p)).toEqual(
          facts.centerApprovalEod(f, p),
        )
        for (const thresholdHours of [1, 24, 72])
          expect(await oracleReport(db(), 'stuck-packets', { ...p, thresholdHours })).toEqual(
            facts.stuckPackets(f, { ...p, thresholdHours }),
          )
      }
  })

  it('computes packet-processing-stats as the TypeScript facts do', async () => {
    for (const range of [window, { from: '2025-12-28', to: '2026-01-02' }])
      for (const center of [undefined, busiestCenter]) {
        const p = { ...range, ...(center && { center }) }
        expect(await oracleReport(db(), 'packet-processing-stats', p)).toEqual(
          facts.packetProcessingStats(f, p),
        )
      }
  })

  it('computes uin-by-age-gender from profiles as the decrypted identities say', async () => {
    for (const range of ranges()) {
      const rows = await oracleReport(db(), 'uin-by-age-gender', range)
      expect(rows).toEqual(facts.uinByAgeGender(f, range))
    }
    const all = await oracleReport(db(), 'uin-by-age-gender', window)
    const bands = new Set(all.map((r) => r.age_band))
    expect(bands.has('0-9') && bands.has('80+')).toBe(true)
    expect(new Set(all.map((r) => r.gender))).toEqual(new Set(['FLE', 'MLE', 'OTH']))
  })

  it('holds the invariants between reports and source tables', async () => {
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      (await query.execute(db())).rows[0]?.n ?? -1
    // Every NEW registration of the window is counted on exactly one day.
    const perDay = await oracleReport(db(), 'registrations-per-day', window)
    const news = await count(sql`select count(*)::int as n from regprc.registration
      where process = 'NEW' and pkt_cr_dtimes < '2026-01-01'`)
    expect(perDay.reduce((sum, r) => sum + r.count, 0)).toBe(news)
    expect(news).toBeGreaterThan(1_000)
    // UINs in the window: one a day per identity created (idrepo.uin), whatever the profile says.
    const uins = await oracleReport(db(), 'uin-by-age-gender', window)
    expect(uins.reduce((sum, r) => sum + r.count, 0)).toBe(
      await count(sql`select count(*)::int as n from idrepo.uin`),
    )
    const stats = await oracleReport(db(), 'packet-processing-stats', window)
    const updates = await oracleReport(db(), 'uin-updates', window)
    for (const [i, day] of stats.entries()) {
      expect(day.new).toBe(perDay[i]?.count)
      expect([day.update, day.res_update]).toEqual([updates[i]?.update, updates[i]?.res_update])
      const stuck = await oracleReport(db(), 'stuck-packets', { date: day.date })
      const failed = stuck.filter((r) => r.status === 'FAILED' || r.status === 'REPROCESS_FAILED')
      expect([day.stuck, day.failed]).toEqual([stuck.length - failed.length, failed.length])
      const failedPackets = await oracleReport(db(), 'failed-packets', {
        from: day.date,
        to: day.date,
      })
      expect(failedPackets.map((r) => r.reg_id).sort()).toEqual(failed.map((r) => r.reg_id).sort())
    }
    expect(stats.some((d) => d.stuck > 0) && stats.some((d) => d.failed > 0)).toBe(true)
    for (const date of dates()) {
      // Approvals + rejections per center = registrations that became final that day.
      const eod = await oracleReport(db(), 'center-approval-eod', { date })
      for (const row of eod) {
        const ended = f.registrations.filter(
          (r) =>
            r.reg_id.startsWith(row.center_id) &&
            ['PROCESSED', 'REJECTED'].includes(r.status_code) &&
            r.latest_trn_dtimes?.toISOString().slice(0, 10) === date,
        )
        expect(row.approved + row.rejected).toBe(ended.length)
        const rejections = await oracleReport(db(), 'center-rejections', {
          from: date,
          to: date,
          center: row.center_id,
        })
        expect(rejections.length).toBe(row.rejected)
      }
      // Registrations by center add up to every registration created that day.
      const byCenter = await oracleReport(db(), 'registrations-by-center', { date })
      const createdThatDay = f.registrations.filter(
        (r) => r.pkt_cr_dtimes?.toISOString().slice(0, 10) === date,
      ).length
      expect(byCenter.reduce((sum, r) => sum + r.count, 0)).toBe(createdThatDay)
    }
    // A longer idle threshold only removes stuck packets.
    const at = (h: number) =>
      oracleReport(db(), 'stuck-packets', { date: stuckDay, thresholdHours: h })
    const ids = async (h: number) => new Set((await at(h)).map((r) => `${r.reg_id}/${r.status}`))
    const [short, long] = [await ids(1), await ids(72)]
    expect([...long].every((id) => short.has(id))).toBe(true)
    expect(short.size).toBeGreaterThan(long.size)
  })

  it('rests on "the latest transaction ended the workflow" for every final registration', () => {
    for (const r of f.registrations.filter((x) =>
      ['PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED'].includes(x.status_code),
    )) {
      const last = f.historyOf.get(r.reg_id)?.at(-1)
      expect(last?.id, r.reg_id).toBe(r.latest_trn_id)
      expect(last?.cr_dtimes.getTime()).toBe(r.latest_trn_dtimes?.getTime())
    }
  })

  it('answers every report with rows that parse with the catalog', async () => {
    const params: { [I in ReportId]: unknown } = {
      'registrations-per-day': window,
      'uin-updates': window,
      'registrations-by-center': { date: busiestDay },
      'uin-by-age-gender': window,
      'center-approval-eod': { date: busiestDay },
      'center-rejections': { ...window, center: rejectingCenter },
      'failed-packets': window,
      'packet-processing-stats': window,
      'stuck-packets': { date: stuckDay },
    }
    for (const id of reportIds) {
      const rows = await oracleReport(db(), id, params[id] as never)
      expect(rows.length, id).toBeGreaterThan(0)
      for (const row of rows) {
        expect(reportCatalog[id].row.safeParse(row).success, id).toBe(true)
        expect(Object.keys(row), id).toEqual(reportCatalog[id].columns.map((c) => c.name))
      }
    }
    await expect(oracleReport(db(), 'center-rejections', window as never)).rejects.toThrow()
  })
})
