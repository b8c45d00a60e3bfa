import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportId } from '../reporting/report-catalog.js'
import { oracleReport } from '../reporting/report-oracle.test-kit.js'
import { treeDigest } from '../reporting/retention/retention-facts.test-kit.js'
import {
  mosaicOk,
  partitionDays,
  type PrintedPlan,
  type PrintedResult,
  refsOf,
  retentionAudits,
  withHomeDatabase,
} from './reporting-cli.test-kit.js'

// Acceptance 3 of issue 4 as an operator lives it on an embedded installation, each command its
// own process: seed 20 days, retention with a dry run first, then the reports. Ages count from
// 2025-06-21: partitions before 2025-06-11 are archived, those before 2025-06-06 purged.
const today = '2025-06-21'
const archiveBefore = '2025-06-11'
const purgeBefore = '2025-06-06'
const firstDay = '2025-06-01'
const lastDay = '2025-06-20'
/** An archived weekday (centers are closed on Sundays). */
const archivedDay = '2025-06-09'
/** Stuck packets look back `thresholdHours` (24): exact from the cutoff plus a day. */
const stuckFrom = '2025-06-07'
const stuckWindow = { from: stuckFrom, to: lastDay, thresholdHours: 24 }
const factDatasets = ['registration', 'registration_transaction', 'audit_event'] as const

describe('mosaic reporting retention, then the reports', () => {
  const home = mkdtempSync(join(tmpdir(), 'mosaic-retention-cli-'))
  const config = join(home, 'mosaic.config.yaml')
  const env = { MOSAIC_HOME: home, MOSAIC_CONFIG: config }
  const lake = join(home, 'lake')
  const archive = join(home, 'lake-archive')
  let plan: PrintedPlan
  let perDayBefore: { date: string; count: number }[]

  const report = async (id: ReportId, params: Record<string, string | number>) => {
    const flags = Object.entries(params).flatMap(([name, value]) => [
      `--${name === 'thresholdHours' ? 'threshold-hours' : name}`,
      String(value),
    ])
    return JSON.parse(await mosaicOk(['report', id, ...flags], env)) as unknown
  }

  beforeAll(async () => {
    // The config file is found through MOSAIC_CONFIG (otherwise mosaic.config.yaml in the cwd).
    writeFileSync(
      config,
      [
        'reporting:',
        '  retention:',
        '    registration: { archiveAfterDays: 10, purgeAfterDays: 15 }',
        '    registration_transaction: { archiveAfterDays: 10, purgeAfterDays: 15 }',
        '    audit_event: { archiveAfterDays: 10, purgeAfterDays: 15 }',
        '',
      ].join('\n'),
    )
    await mosaicOk(
      ['seed', '--residents', '200', '--days', '20', '--seed', 'retention', '--until', today],
      env,
    )
    // Retention works on what the lake holds: a first report brings it up to date.
    perDayBefore = (await report('registrations-per-day', { from: firstDay, to: lastDay })) as {
      date: string
      count: number
    }[]
    expect(perDayBefore).toEqual(
      await withHomeDatabase(home, (db) =>
        oracleReport(db, 'registrations-per-day', { from: firstDay, to: lastDay }),
      ),
    )
  }, 120_000)

  afterAll(() => rmSync(home, { recursive: true, force: true }))

  it('dry run: lists what would be archived and purged, and changes nothing', async () => {
    const before = await treeDigest(lake)
    expect(Object.keys(before).length).toBeGreaterThan(0)
    plan = JSON.parse(
      await mosaicOk(['reporting', 'retention', '--dry-run', '--today', today], env),
    ) as PrintedPlan
    expect(await treeDigest(lake)).toEqual(before)
    expect(existsSync(archive)).toBe(false)

    expect(plan.today).toBe(today)
    for (const dataset of factDatasets) {
      const lakeDays = await partitionDays(lake, dataset)
      const planned = plan.datasets.find((d) => d.dataset === dataset)!
      expect(planned).toMatchObject({ archiveBefore, purgeBefore })
      expect(planned.archive.map((p) => p.dt)).toEqual(
        lakeDays.filter((d) => d >= purgeBefore && d < archiveBefore),
      )
      expect(planned.purge.map((p) => p.dt)).toEqual(lakeDays.filter((d) => d < purgeBefore))
      expect(planned.archive.length).toBe(5)
      expect(planned.purge.length).toBeGreaterThan(0)
      expect([...planned.archive, ...planned.purge].every((p) => p.tier === 'lake')).toBe(true)
    }
    // Rollups keep their default (never touched).
    expect(
      plan.datasets
        .filter((d) => d.dataset.includes('rollup'))
        .every((d) => d.archive.length === 0 && d.purge.length === 0),
    ).toBe(true)
    expect(await withHomeDatabase(home, retentionAudits)).toEqual([])
  }, 60_000)

  it('archives and purges what the dry run listed, each action audited once', async () => {
    const result = JSON.parse(
      await mosaicOk(['reporting', 'retention', '--today', today], env),
    ) as PrintedResult
    const planned = (pick: 'archive' | 'purge') => plan.datasets.flatMap((d) => d[pick])
    expect(refsOf(result.archived, true)).toEqual(refsOf(planned('archive'), true))
    expect(refsOf(result.purged, true)).toEqual(refsOf(planned('purge'), true))
    expect(result.resumed).toBe(0)

    for (const dataset of factDatasets) {
      const archivedDays = result.archived.filter((p) => p.dataset === dataset).map((p) => p.dt)
      expect(await partitionDays(archive, dataset)).toEqual(archivedDays.sort())
      for (const dt of archivedDays) {
        const folder = join(archive, dataset, `dt=${dt}`)
        expect(existsSync(join(folder, `${dataset}-${dt}.parquet`))).toBe(true)
        expect(existsSync(join(folder, '_manifest.json'))).toBe(true)
      }
      expect((await partitionDays(lake, dataset))[0]).toBe(archiveBefore)
    }

    const audits = await withHomeDatabase(home, retentionAudits)
    expect(audits).toHaveLength(result.archived.length + result.purged.length)
    const refs = (event: string) =>
      audits
        .filter((a) => a.event_id === event)
        .map((a) => a.ref_id)
        .sort()
    expect(refs('RPT-RET-001')).toEqual(refsOf(result.archived))
    expect(refs('RPT-RET-002')).toEqual(refsOf(result.purged))
    expect(audits.every((a) => a.session_user_id === 'cli')).toBe(true)
  }, 60_000)

  it('reports stay exact from the purge cutoff, archived days included; older days are gone', async () => {
    // One range over everything: the days from the cutoff (archived ones and live ones) are
    // exact; earlier days keep only registrations with a change on or after the cutoff.
    const perDay = (await report('registrations-per-day', { from: firstDay, to: lastDay })) as {
      date: string
      count: number
    }[]
    const exactFrom = <R extends { date: string }>(rows: R[]) =>
      rows.filter((r) => r.date >= purgeBefore)
    const purged = (rows: { date: string; count: number }[]) =>
      rows.filter((r) => r.date < purgeBefore)
    expect(exactFrom(perDay)).toEqual(exactFrom(perDayBefore))

    // Days whose packets are archived, and the first day a stuck packet can be judged on
    // (cutoff + 24 hours).
    const byCenter = await report('registrations-by-center', { date: archivedDay })
    const approvals = await report('center-approval-eod', { date: purgeBefore })
    const stats = await report('packet-processing-stats', { ...stuckWindow, thresholdHours: '24' })
    const stuck = await report('stuck-packets', { date: stuckFrom, thresholdHours: '24' })

    // The catch-up each report run did must not have brought the purged history back.
    for (const dataset of ['registration', 'registration_transaction']) {
      expect((await partitionDays(lake, dataset))[0]).toBe(archiveBefore)
    }

    // The oracle reads the source database, which still holds everything (opened once).
    const truth = await withHomeDatabase(home, async (db) => ({
      perDay: await oracleReport(db, 'registrations-per-day', { from: firstDay, to: lastDay }),
      byCenter: await oracleReport(db, 'registrations-by-center', { date: archivedDay }),
      approvals: await oracleReport(db, 'center-approval-eod', { date: purgeBefore }),
      stats: await oracleReport(db, 'packet-processing-stats', stuckWindow),
      stuck: await oracleReport(db, 'stuck-packets', { date: stuckFrom, thresholdHours: 24 }),
    }))
    expect(exactFrom(perDay)).toEqual(exactFrom(truth.perDay))
    expect(exactFrom(truth.perDay).some((r) => r.count > 0)).toBe(true)
    // Documented behaviour before the purge cutoff: the data is gone (a day keeps only the
    // registrations changed again on or after the cutoff), so counts fall below the truth.
    const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0)
    purged(perDay).forEach((row, i) =>
      expect(row.count).toBeLessThanOrEqual(purged(truth.perDay)[i]!.count),
    )
    expect(sum(purged(truth.perDay))).toBeGreaterThan(0)
    expect(sum(purged(perDay))).toBeLessThan(sum(purged(truth.perDay)))

    expect(truth.byCenter.length).toBeGreaterThan(0)
    expect(byCenter).toEqual(truth.byCenter)
    expect(truth.approvals.length).toBeGreaterThan(0)
    expect(approvals).toEqual(truth.approvals)
    expect(stats).toEqual(truth.stats)
    // Includes a packet created on a purged day whose last change is on an archived one.
    expect(truth.stuck.length).toBeGreaterThan(0)
    expect(stuck).toEqual(truth.stuck)
  }, 150_000)

  it('a second run has nothing left to do; rollups recompute any range', async () => {
    const again = JSON.parse(
      await mosaicOk(['reporting', 'retention', '--today', today], env),
    ) as PrintedResult
    expect(again).toEqual({ archived: [], purged: [], resumed: 0 })

    const rollups = JSON.parse(
      await mosaicOk(['reporting', 'rollups', '--from', purgeBefore, '--to', lastDay], env),
    ) as { days: number; rows: Record<string, number> }
    expect(rollups.days).toBe(15)
    expect(rollups.rows.registration_rollup_daily).toBeGreaterThan(0)
    expect((await partitionDays(lake, 'registration_rollup_daily'))[0]).toBe(purgeBefore)
  }, 60_000)
})
