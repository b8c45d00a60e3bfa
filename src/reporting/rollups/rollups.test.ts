import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeedHarness, runSeed, type SeedHarness } from '../../identity/index.js'
import { migrate, type Db } from '../../platform/db/index.js'
import type { JobContext } from '../../platform/jobs/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { reportingHistory } from '../cdc/reporting.migrations.js'
import { WatermarkConnector } from '../cdc/watermark-connector.js'
import {
  anonymousProfileVersions,
  collationCapturedTables,
  registrationCenterVersions,
  registrationTransactionVersions,
  registrationVersions,
} from '../collation/collation-datasets.js'
import { createCollationSink } from '../collation/collation-sink.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import { LakeReader } from '../lake/lake-reader.js'
import { LakeWriter } from '../lake/lake-writer.js'
import { oracleReport } from '../report-oracle.test-kit.js'
import { daysBetween, recomputeRollups } from './recompute-rollups.js'
import { rollupDatasets } from './rollup-datasets.js'
import { rollupJob } from './rollup-job.js'

// The seed's window: 10 days ending (exclusive) at its default --until, 2026-01-01.
const window = { from: '2025-12-22', to: '2025-12-31' }

const rollupSources = [
  registrationVersions,
  registrationTransactionVersions,
  registrationCenterVersions,
  anonymousProfileVersions,
]

describe.each(testBackends)('rollups over a seeded country on %s', (backend) => {
  let harness: SeedHarness
  let dir: string
  let writer: LakeWriter
  let reader: LakeReader
  const db = (): Db => harness.database.db

  beforeAll(async () => {
    harness = await openSeedHarness(backend)
    await runSeed(harness, { residents: 200, days: 10, seed: 'rollups' })
    await migrate(db(), [reportingHistory])
    dir = await mkdtemp(join(tmpdir(), 'mosaic-rollups-'))
    const root = join(dir, 'lake')
    writer = await LakeWriter.open({ root })
    reader = await LakeReader.open({
      root,
      datasets: [...rollupSources.map((t) => t.dataset), ...rollupDatasets],
    })
    const sink = createCollationSink({ writer })
    const cdc = await WatermarkConnector.open({
      source: { name: 'core', db: db() },
      checkpointDb: db(),
      tables: collationCapturedTables.filter((t) => rollupSources.some((s) => s.source === t.name)),
      batchSize: 2000,
      sink,
    })
    await cdc.pollOnce()
    await cdc.stop()
  }, 300_000)

  afterAll(async () => {
    await writer?.close()
    await reader?.close()
    await harness?.database.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const q = (sqlText: string, params?: Record<string, string>) => reader.query(sqlText, params)

  it('sums to what direct queries over the facts give, hourly and daily alike', async () => {
    const progress: Array<[number, number]> = []
    const result = await recomputeRollups(
      reader,
      writer,
      { ...window, chunkDays: 4 },
      { onProgress: (done, total) => void progress.push([done, total]) },
    )
    expect(result.days).toBe(10)
    expect(progress).toEqual(daysBetween(window.from, window.to).map((_, i) => [i + 1, 10]))
    expect(result.rows['registration_rollup_daily']).toBeGreaterThan(10)

    const facts = await q(
      `WITH reg AS (${latestVersionsView(registrationVersions)}),
       created AS (SELECT CAST(pkt_cr_dtimes AS DATE) AS d, process, count(*) AS n FROM reg
                   WHERE pkt_cr_dtimes IS NOT NULL GROUP BY ALL),
       final AS (SELECT CAST(latest_trn_dtimes AS DATE) AS d, status_code, count(*) AS n FROM reg
                 WHERE status_code IN ('PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED')
                 GROUP BY ALL),
       trn AS (SELECT CAST(cr_dtimes AS DATE) AS d, count(*) AS n
               FROM (${latestVersionsView(registrationTransactionVersions)}) GROUP BY ALL)
       SELECT 'created' AS m, CAST(d AS VARCHAR) AS d, process AS k, n FROM created
       UNION ALL SELECT 'final', CAST(d AS VARCHAR), status_code, n FROM final
       UNION ALL SELECT 'trn', CAST(d AS VARCHAR), '', n FROM trn
       ORDER BY ALL`,
    )
    const inWindow = facts.filter(
      (f) => String(f['d']) >= window.from && String(f['d']) <= window.to,
    )
    expect(inWindow.filter((f) => f['m'] === 'created').length).toBeGreaterThan(10)
    const rollupSums = (table: string, day: string) =>
      q(
        `SELECT * FROM (
         SELECT 'created' AS m, CAST(${day} AS VARCHAR) AS d, process AS k,
           CAST(sum(created) AS BIGINT) AS n FROM ${table} GROUP BY ALL
         UNION ALL SELECT 'final', CAST(${day} AS VARCHAR), status_code,
           CAST(sum(became_final) AS BIGINT) FROM ${table} GROUP BY ALL
         UNION ALL SELECT 'trn', CAST(${day} AS VARCHAR), '',
           CAST(sum(transactions) AS BIGINT) FROM ${table} GROUP BY ALL)
         WHERE n > 0 ORDER BY ALL`,
      )
    expect(await rollupSums('registration_rollup_daily', 'period_start')).toEqual(inWindow)
    expect(await rollupSums('registration_rollup_hourly', 'CAST(period_start AS DATE)')).toEqual(
      inWindow,
    )
    // Every hourly period lies on its partition's day, on the hour.
    expect(
      await q(`SELECT count(*) AS n FROM registration_rollup_hourly
               WHERE CAST(period_start AS DATE) <> dt OR date_trunc('hour', period_start) <> period_start`),
    ).toEqual([{ n: 0 }])
    // Zones come from the centers (decommissioned ones too); the portal's virtual center has none.
    const zones = await q(`SELECT DISTINCT center_id, zone_code FROM registration_rollup_daily`)
    const { rows: centers } = await sql<{ id: string; zone_code: string }>`
      select distinct on (id) id, zone_code from master.registration_center
      order by id, (lang_code = 'eng') desc, lang_code`.execute(db())
    const zoneOf = new Map(centers.map((c) => [c.id, c.zone_code]))
    for (const z of zones) z['expected'] = zoneOf.get(String(z['center_id'])) ?? null
    expect(zones.length).toBeGreaterThan(1)
    expect(zones.filter((z) => z['zone_code'] !== z['expected'])).toEqual([])
    expect(zones.some((z) => z['zone_code'] !== null)).toBe(true)
  })

  it('gives the oracle report numbers where they have the same meaning', async () => {
    await recomputeRollups(reader, writer, window)
    const perDay = await q(
      `SELECT CAST(period_start AS VARCHAR) AS date,
         CAST(sum(created) FILTER (WHERE process = 'NEW') AS BIGINT) AS count
       FROM registration_rollup_daily GROUP BY 1`,
    )
    const created = new Map(perDay.map((r) => [r['date'], r['count']]))
    const oracle = await oracleReport(db(), 'registrations-per-day', window)
    expect(oracle.reduce((a, r) => a + r.count, 0)).toBeGreaterThan(20)
    expect(oracle.map((r) => ({ date: r.date, count: created.get(r.date) ?? 0 }))).toEqual(oracle)

    for (const date of ['2025-12-24', '2025-12-30']) {
      const eod = await q(
        `SELECT center_id,
           CAST(coalesce(sum(became_final) FILTER (WHERE status_code = 'PROCESSED'), 0) AS BIGINT) AS approved,
           CAST(coalesce(sum(became_final) FILTER (WHERE status_code = 'REJECTED'), 0) AS BIGINT) AS rejected
         FROM registration_rollup_daily WHERE period_start = CAST($date AS DATE)
         GROUP BY center_id HAVING approved + rejected > 0 ORDER BY center_id`,
        { date },
      )
      expect(eod).toEqual(await oracleReport(db(), 'center-approval-eod', { date }))
    }

    const uins = await q(
      `SELECT age_band, gender, CAST(sum(count) AS BIGINT) AS count FROM uin_rollup_daily
       GROUP BY ALL ORDER BY ALL`,
    )
    const expected = await oracleReport(db(), 'uin-by-age-gender', window)
    expect(expected.length).toBeGreaterThan(0)
    const key = (r: Record<string, unknown>) => `${String(r['age_band'])}|${String(r['gender'])}`
    expect(new Map(uins.map((r) => [key(r), r['count']]))).toEqual(
      new Map(expected.map((r) => [key(r), r.count])),
    )
  })

  it('gives the same rows when run twice, and readers never see a day half replaced', async () => {
    const all = `SELECT * FROM registration_rollup_hourly ORDER BY ALL`
    await recomputeRollups(reader, writer, window)
    const first = await q(all)
    const total = await q(
      `SELECT CAST(sum(created) AS BIGINT) AS n FROM registration_rollup_hourly`,
    )
    const again = recomputeRollups(reader, writer, window)
    let finished = false
    void again.finally(() => {
      finished = true
    })
    let reads = 0
    while (!finished || reads === 0) {
      expect(
        await q(`SELECT CAST(sum(created) AS BIGINT) AS n FROM registration_rollup_hourly`),
      ).toEqual(total)
      reads++
    }
    await again
    expect(await q(all)).toEqual(first)
  })

  it('changes only the recomputed range after new facts', async () => {
    await recomputeRollups(reader, writer, window)
    const before = await reader.files('registration_rollup_daily')
    const perDay = () =>
      q(`SELECT CAST(period_start AS VARCHAR) AS d, CAST(sum(created) AS BIGINT) AS n
         FROM registration_rollup_daily GROUP BY 1 ORDER BY 1`)
    const counts = await perDay()
    // Two new registrations, created on 2025-12-25 and 2025-12-27; only the first day is recomputed.
    const registration = (id: string, created: string) => ({
      workflow_instance_id: id,
      reg_id: `10001${id.padStart(24, '0')}`,
      center_id: '10001',
      process: 'NEW',
      status_code: 'PROCESSING',
      latest_trn_id: null,
      latest_trn_dtimes: null,
      pkt_cr_dtimes: `${created}T08:30:00.000Z`,
      change_key: `test:${id}`,
      change_time: `${created}T08:30:00.000Z`,
      deleted: false,
      dt: created,
    })
    await writer.append(registrationVersions.dataset, [
      registration('900001', '2025-12-25'),
      registration('900002', '2025-12-27'),
    ])
    await recomputeRollups(reader, writer, { from: '2025-12-25', to: '2025-12-25' })
    const after = await perDay()
    expect(after).toEqual(
      counts.map((c) => (c['d'] === '2025-12-25' ? { ...c, n: Number(c['n']) + 1 } : c)),
    )
    const files = await reader.files('registration_rollup_daily')
    expect(files.filter((f) => !f.includes('dt=2025-12-25'))).toEqual(
      before.filter((f) => !f.includes('dt=2025-12-25')),
    )
    expect(files.find((f) => f.includes('dt=2025-12-25'))).not.toEqual(
      before.find((f) => f.includes('dt=2025-12-25')),
    )
    const newCenter = await q(
      `SELECT process, status_code, stage, CAST(created AS BIGINT) AS created
       FROM registration_rollup_hourly
       WHERE period_start = TIMESTAMP '2025-12-25 08:00:00' AND center_id = '10001'
         AND status_code = 'PROCESSING' AND stage IS NULL`,
    )
    expect(newCenter).toEqual([
      { process: 'NEW', status_code: 'PROCESSING', stage: null, created: 1 },
    ])
  })

  it('runs as a periodic job over yesterday and today, reporting progress', async () => {
    const job = rollupJob({
      reader,
      writer,
      everyMinutes: 10,
      now: () => new Date('2025-12-31T15:00:00Z'),
    })
    expect(job).toMatchObject({ name: 'reporting.rollups', every: 600 })
    const progress: Array<[number, number | null | undefined]> = []
    const ctx: JobContext = {
      signal: new AbortController().signal,
      attempt: 1,
      scheduledAt: new Date('2025-12-31T15:00:00Z'),
      progress: async (done, total) => void progress.push([done, total]),
    }
    await job.run(ctx)
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ])
    const stopped = new AbortController()
    stopped.abort()
    await expect(job.run({ ...ctx, signal: stopped.signal })).rejects.toMatchObject({
      code: 'MOS-RPT-702',
    })
  })

  it('refuses a reversed or malformed range', async () => {
    await expect(
      recomputeRollups(reader, writer, { from: '2025-12-31', to: '2025-12-01' }),
    ).rejects.toMatchObject({ code: 'MOS-RPT-701' })
    await expect(
      recomputeRollups(reader, writer, { from: '2025-02-30', to: '2025-03-01' }),
    ).rejects.toMatchObject({ code: 'MOS-RPT-701' })
  })
})
