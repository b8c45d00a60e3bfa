import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import {
  auditEventVersions,
  authTransactionVersions,
  collatedTables,
  registrationCenterVersions,
} from '../collation/collation-datasets.js'
import { createCollationSink } from '../collation/collation-sink.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import { reportIds, type ReportId, type ReportParamsInput } from '../report-catalog.js'
import { oracleReport } from '../report-oracle.test-kit.js'
import { centerZones, lakeReport, type ReportScope } from './lake-report.js'
import { nonTrivial, openReportLake, profileDay, type ReportLake } from './lake-report.test-kit.js'

// The seed's window: 30 days ending (exclusive) at its default --until, 2026-01-01.
const window = { from: '2025-12-02', to: '2025-12-31' }
const quietDay = '2025-11-30'
const unknownCenter = '99999'

type AnyParams = Record<string, string | number>

/** Tests running dozens of reports on both engines: generous on a shared, busy machine. */
const slow = 240_000

describe.each(testBackends)('reports from the lake on %s', (backend) => {
  let lake: ReportLake
  const db = () => lake.db
  const reader = () => lake.reader
  /** Per report, whether some comparison saw a non-trivial answer. */
  const seen = new Map<ReportId, boolean>()

  beforeAll(async () => {
    lake = await openReportLake(backend)
  }, 300_000)
  afterAll(() => lake?.close())

  /** Compares the lake with the oracle for one report and parameter set. */
  const same = async <I extends ReportId>(id: I, params: ReportParamsInput<I>) => {
    const rows = await lakeReport(reader(), id, params)
    expect(rows, `${id} ${JSON.stringify(params)}`).toEqual(await oracleReport(db(), id, params))
    if (nonTrivial(rows)) seen.set(id, true)
    return rows
  }

  const dates = () => [lake.busiestDay, lake.failingDay, '2025-12-31', quietDay]
  const ranges = () => [
    window,
    { from: lake.busiestDay, to: lake.busiestDay },
    { from: '2025-11-20', to: '2026-01-05' },
  ]
  const centers = () => [undefined, lake.busyCenter, '10000', lake.idleCenter, unknownCenter]
  const withCenter = <P extends object>(p: P, center: string | undefined) =>
    center === undefined ? p : { ...p, center }

  it(
    'collates every dataset, and a batch delivered twice changes no report',
    async () => {
      expect(new Set(lake.batches.map((b) => b.table))).toEqual(
        new Set(collatedTables.map((t) => t.source)),
      )
      expect(lake.busyCenter).toMatch(/^\d{5}$/)
      expect(lake.idleCenter).toMatch(/^\d{5}$/)
      const snapshot = async () =>
        Promise.all([
          lakeReport(reader(), 'registrations-per-day', window),
          lakeReport(reader(), 'registrations-by-center', { date: lake.busiestDay }),
          lakeReport(reader(), 'uin-by-age-gender', window),
          lakeReport(reader(), 'center-rejections', { ...window, center: lake.rejectingCenter }),
          lakeReport(reader(), 'failed-packets', window),
          lakeReport(reader(), 'packet-processing-stats', window),
          lakeReport(reader(), 'stuck-packets', { date: '2025-12-31' }),
        ])
      const before = await snapshot()
      expect(before.every(nonTrivial)).toBe(true)
      const raw = async () =>
        (await reader().query('SELECT count(*) AS n FROM registration'))[0]?.['n'] as number
      const rawBefore = await raw()
      const sink = createCollationSink({ writer: lake.writer })
      // One batch of every dataset the reports read, fed twice more (CDC is at least once).
      const again = ['regprc.registration', 'regprc.registration_transaction']
        .concat(['idrepo.anonymous_profile', 'master.registration_center'])
        .map((table) => lake.batches.find((b) => b.table === table)!)
      for (const batch of [...again, ...again]) await sink(batch)
      expect(await raw()).toBe(rawBefore + 2 * again[0]!.changes.length)
      expect(await snapshot()).toEqual(before)
    },
    slow,
  )

  it(
    'computes the per-day and range reports as the oracle does',
    async () => {
      for (const range of ranges())
        for (const center of centers()) {
          const p = withCenter(range, center)
          await same('registrations-per-day', p)
          await same('uin-updates', p)
          await same('failed-packets', p)
          await same('center-rejections', { ...range, center: center ?? lake.rejectingCenter })
        }
      for (const range of ranges()) await same('uin-by-age-gender', range)
    },
    slow,
  )

  it('bands and codes edge-case profiles as the oracle does', async () => {
    const rows = await same('uin-by-age-gender', { from: profileDay, to: profileDay })
    // Planted: UPDATE and a soft-deleted NEW are left out; the rest in bands and codes.
    expect(rows).toEqual([
      { age_band: '0-9', gender: '\tMLE', count: 1 },
      { age_band: '30-39', gender: 'FLE', count: 1 },
      { age_band: '70-79', gender: 'MLE', count: 1 },
      { age_band: '80+', gender: 'FLE', count: 1 },
      { age_band: 'UNKNOWN', gender: 'OTH', count: 1 },
      { age_band: 'UNKNOWN', gender: 'UNKNOWN', count: 3 },
      { age_band: 'UNKNOWN', gender: 'XYZ', count: 1 },
    ])
  })

  it('holds centers, authentications and audit events as the source has them, nothing more', async () => {
    const lakeRows = (view: string, columns: string, key: string) =>
      reader().query(`SELECT ${columns} FROM (${view}) ORDER BY ${key}`)
    const iso = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      )
    const centerColumns = 'id, lang_code, name, zone_code, is_active'
    const { rows: centers } = await sql<Record<string, unknown>>`
      select id, lang_code, name, zone_code, is_active from master.registration_center
      where coalesce(is_deleted, false) = false order by id collate "C", lang_code collate "C"`.execute(
      db(),
    )
    expect(
      await lakeRows(
        latestVersionsView(registrationCenterVersions),
        centerColumns,
        'id, lang_code',
      ),
    ).toEqual(centers)
    const authColumns =
      'id, request_dtimes, auth_type_code, status_code, ref_id_type, requested_entity_id, cr_dtimes'
    const { rows: auths } = await sql<Record<string, unknown>>`
      select ${sql.raw(authColumns)} from ida.auth_transaction
      where coalesce(is_deleted, false) = false order by id collate "C"`.execute(db())
    expect(auths.length).toBeGreaterThan(100)
    expect(await lakeRows(latestVersionsView(authTransactionVersions), authColumns, 'id')).toEqual(
      auths.map(iso),
    )
    const auditColumns =
      'log_id, log_dtimes, event_id, event_type, event_name, app_id, module_id, module_name'
    const { rows: audits } = await sql<Record<string, unknown>>`
      select ${sql.raw(auditColumns)} from audit.app_audit_log order by log_id collate "C"`.execute(
      db(),
    )
    expect(audits.length).toBeGreaterThan(100)
    expect(await lakeRows(latestVersionsView(auditEventVersions), auditColumns, 'log_id')).toEqual(
      audits.map(iso),
    )
    // Each dataset has exactly its declared columns (and dt): no profile, ref_id or user.
    for (const { dataset } of collatedTables) {
      const [row] = await reader().query(`SELECT * FROM ${dataset.name} LIMIT 1`)
      expect(Object.keys(row ?? {}).sort()).toEqual(
        [...dataset.columns.map((c) => c.name), 'dt'].sort(),
      )
    }
    expect(collatedTables.flatMap((t) => t.dataset.columns.map((c) => c.name))).not.toEqual(
      expect.arrayContaining(['profile']),
    )
  })

  it(
    'computes the one-day reports as the oracle does',
    async () => {
      for (const date of dates())
        for (const center of [undefined, lake.busyCenter, lake.idleCenter, unknownCenter]) {
          const p = withCenter({ date }, center)
          await same('registrations-by-center', p)
          await same('center-approval-eod', p)
          await same('stuck-packets', p)
        }
      // Idle thresholds change which packets are stuck (1 h lists more, 72 h fewer).
      for (const date of [lake.failingDay, '2025-12-31'])
        for (const center of [undefined, lake.busyCenter])
          for (const thresholdHours of [1, 72])
            await same('stuck-packets', withCenter({ date, thresholdHours }, center))
    },
    slow,
  )

  it(
    'computes packet-processing-stats as the oracle does',
    async () => {
      for (const range of [window, { from: '2025-12-28', to: '2026-01-02' }])
        for (const center of [undefined, lake.busyCenter, lake.idleCenter])
          await same('packet-processing-stats', withCenter(range, center))
      await same('packet-processing-stats', { ...window, thresholdHours: 6 })
    },
    slow,
  )

  it('names centers from eng, else the first language, else null', async () => {
    const rows = await same('registrations-by-center', { date: lake.busiestDay })
    const names = new Map(rows.map((r) => [r.center_id, r.center_name]))
    expect(names.get(lake.busyCenter)).not.toBe('Markaz')
    expect(names.get(lake.busyCenter)).toEqual(expect.any(String))
    expect(names.get('10000')).toBe('Markaz iftiradi')
  })

  it('saw a non-trivial answer from every report', () => {
    expect(reportIds.filter((id) => seen.get(id) !== true)).toEqual([])
  })

  /** Parameters per report, without a center (center-rejections needs one: see below). */
  const paramsOf = (id: ReportId): AnyParams => {
    if (['registrations-by-center', 'center-approval-eod', 'stuck-packets'].includes(id))
      return { date: id === 'stuck-packets' ? '2025-12-31' : lake.busiestDay }
    return { ...window }
  }
  const run = (id: ReportId, params: AnyParams, scope?: ReportScope) =>
    lakeReport(reader(), id, params as never, scope)

  it(
    'limits every report to the scope as a center filter does',
    async () => {
      const scoped = reportIds.filter((id) => id !== 'uin-by-age-gender')
      for (const center of [lake.busyCenter, lake.idleCenter]) {
        for (const id of scoped) {
          const p = id === 'center-rejections' ? { ...paramsOf(id), center } : paramsOf(id)
          const byScope = await run(id, p, { centers: [center] })
          expect(byScope, `${id} scope ${center}`).toEqual(await run(id, { ...p, center }))
          expect(byScope).toEqual(await oracleReport(db(), id, { ...p, center } as never))
        }
      }
      // Two centers: registrations-by-center lists exactly the rows of each.
      const both = await run(
        'registrations-by-center',
        { date: lake.busiestDay },
        {
          centers: ['10000', lake.busyCenter],
        },
      )
      const each = [
        ...(await run('registrations-by-center', {
          date: lake.busiestDay,
          center: lake.busyCenter,
        })),
        ...(await run('registrations-by-center', { date: lake.busiestDay, center: '10000' })),
      ].sort((a, b) => (String(a['center_id']) < String(b['center_id']) ? -1 : 1))
      expect(both).toEqual(each)
      expect(both.length).toBe(2)
      // A center parameter outside the scope sees nothing.
      const outside = await run(
        'center-rejections',
        { ...window, center: lake.rejectingCenter },
        {
          centers: [lake.idleCenter],
        },
      )
      expect(outside).toEqual([])
    },
    slow,
  )

  it('gives zeros and no rows for an empty scope, and refuses uin-by-age-gender in a scope', async () => {
    for (const id of reportIds.filter((i) => i !== 'uin-by-age-gender')) {
      const p =
        id === 'center-rejections' ? { ...paramsOf(id), center: lake.busyCenter } : paramsOf(id)
      const none = await run(id, p, { centers: [] })
      expect(nonTrivial(none), id).toBe(false)
      // Per-day reports keep every day, with zeros.
      const perDay = ['registrations-per-day', 'uin-updates', 'packet-processing-stats']
      expect(none.length, id).toBe(perDay.includes(id) ? 30 : 0)
    }
    await expect(
      run('uin-by-age-gender', window, { centers: [lake.busyCenter] }),
    ).rejects.toMatchObject({
      code: 'MOS-RPT-302',
    })
    await expect(run('uin-by-age-gender', window, { centers: 'all' })).resolves.toEqual(
      await oracleReport(db(), 'uin-by-age-gender', window),
    )
    await expect(run('registrations-per-day', window, { centers: ['1,2'] })).rejects.toMatchObject({
      code: 'MOS-RPT-301',
    })
  })

  it('refuses invalid parameters with the catalog schema', async () => {
    await expect(run('center-rejections', window)).rejects.toThrow()
    await expect(
      run('registrations-per-day', { from: '2025-12-31', to: '2025-12-01' }),
    ).rejects.toThrow()
    await expect(
      run('registrations-by-center', { date: "2025-12-01' or 1=1 --" }),
    ).rejects.toThrow()
  })

  it('maps every center to its zone as master data says', async () => {
    const { rows } = await sql<{ id: string; zone_code: string }>`
      select distinct on (id) id, zone_code from master.registration_center
      order by id, (lang_code = 'eng') desc, lang_code collate "C"`.execute(db())
    const zones = await centerZones(reader())
    expect(zones.size).toBeGreaterThan(5)
    expect(Object.fromEntries(zones)).toEqual(
      Object.fromEntries(rows.map((r) => [r.id, r.zone_code])),
    )
  })
})
