import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { identityModule } from '../../identity/index.js'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import {
  registrationTransactionVersions,
  registrationVersions,
} from '../collation/collation-datasets.js'
import { LakeReader } from '../lake/lake-reader.js'
import { LakeWriter } from '../lake/lake-writer.js'
import { registrationRollupDaily } from '../rollups/rollup-datasets.js'
import { applyRetention } from './apply-retention.js'
import { archiveFile, readManifest, sha256File, writeManifest } from './partition-archive.js'
import {
  addDays,
  archiveBefore,
  facts,
  policies,
  purgeBefore,
  reportSql,
  today,
  treeDigest,
} from './retention-facts.test-kit.js'
import { pendingIntents, writeIntent } from './retention-journal.js'
import { retentionJob } from './retention-job.js'
import { planRetention } from './retention-plan.js'
import { defaultRetentionPolicies, retentionPolicySchema } from './retention-policy.js'

describe.each(testBackends)('retention of the lake on %s', (backend) => {
  let database: TestDatabase
  let dir: string
  let lakeRoot: string
  let archiveRoot: string
  let writer: LakeWriter
  let reader: LakeReader

  beforeEach(async () => {
    database = await createTestDatabase(backend, identityModule.migrations)
    dir = await mkdtemp(join(tmpdir(), 'mosaic-retention-'))
    lakeRoot = join(dir, 'lake')
    archiveRoot = join(dir, 'archive')
    writer = await LakeWriter.open({ root: lakeRoot })
    reader = await LakeReader.open({
      root: lakeRoot,
      archiveRoot,
      datasets: [
        registrationVersions.dataset,
        registrationTransactionVersions.dataset,
        registrationRollupDaily,
      ],
    })
    const { regs, trns, rollups } = facts()
    await writer.append(registrationVersions.dataset, regs)
    await writer.append(registrationTransactionVersions.dataset, trns)
    await writer.append(registrationRollupDaily, rollups)
  }, 120_000)

  afterEach(async () => {
    await writer.close()
    await reader.close()
    await database.drop()
    await rm(dir, { recursive: true, force: true })
  })

  const audits = async () =>
    (
      await sql<{ event_id: string; ref_id: string; session_user_id: string; log_desc: string }>`
        select event_id, ref_id, session_user_id, log_desc from audit.app_audit_log
        where app_id = 'mosaic.reporting' order by ref_id, event_id`.execute(database.db)
    ).rows
  const partitionDays = async (root: string, dataset: string) =>
    (await readdir(join(root, dataset)).catch(() => [] as string[]))
      .filter((n) => n.startsWith('dt='))
      .map((n) => n.slice(3))
      .sort()

  it('plans without changing anything (dry run)', async () => {
    const before = await treeDigest(dir)
    const plan = await planRetention({ writer, archiveRoot, policies, today })
    expect(await treeDigest(dir)).toEqual(before)
    const registration = plan.datasets.find((d) => d.dataset === 'registration')!
    expect(registration.archiveBefore).toBe(archiveBefore)
    expect(registration.purgeBefore).toBe(purgeBefore)
    expect(registration.purge.map((p) => p.dt)).toEqual(
      (await partitionDays(lakeRoot, 'registration')).filter((d) => d < purgeBefore),
    )
    expect(registration.archive.map((p) => p.dt)).toEqual(
      (await partitionDays(lakeRoot, 'registration')).filter(
        (d) => d >= purgeBefore && d < archiveBefore,
      ),
    )
    const stats = await writer.partitions('registration')
    expect(registration.archive[0]).toEqual({
      dataset: 'registration',
      tier: 'lake',
      dt: purgeBefore,
      rows: stats.find((s) => s.dt === purgeBefore)!.rows,
      bytes: stats.find((s) => s.dt === purgeBefore)!.bytes,
    })
    expect(plan.datasets.find((d) => d.dataset === 'registration_rollup_daily')).toMatchObject({
      archive: [],
      purge: [],
    })
    expect(plan.totals.archive).toBe(2 * registration.archive.length)
    expect(await audits()).toEqual([])
  })

  it('archives and purges by the plan, audits each action, and keeps reports exact', async () => {
    const report = await reader.query(reportSql)
    expect(report.length).toBeGreaterThan(30)
    const plan = await planRetention({ writer, archiveRoot, policies, today })
    const progress: number[] = []
    const result = await applyRetention({
      writer,
      archiveRoot,
      policies,
      today,
      db: database.db,
      sessionUserId: 'admin.ops',
      onProgress: (done, total) => void progress.push(done / total),
    })
    expect(result.archived.length).toBe(plan.totals.archive)
    expect(result.purged.length).toBe(plan.totals.purge)
    expect(progress.at(-1)).toBe(1)

    for (const dataset of ['registration', 'registration_transaction']) {
      expect((await partitionDays(lakeRoot, dataset))[0]).toBe(archiveBefore)
      const archived = await partitionDays(archiveRoot, dataset)
      expect(archived[0]).toBe(purgeBefore)
      expect(archived.at(-1)).toBe(addDays(archiveBefore, -1))
      const manifest = (await readManifest(archiveRoot, dataset, purgeBefore))!
      expect(manifest.sha256).toBe(await sha256File(archiveFile(archiveRoot, dataset, purgeBefore)))
      expect(manifest.rows).toBeGreaterThan(0)
    }
    expect(await partitionDays(lakeRoot, 'registration_rollup_daily')).toHaveLength(61)
    const codecs = await reader.query(`SELECT DISTINCT compression FROM parquet_metadata(?)`, [
      archiveFile(archiveRoot, 'registration', purgeBefore),
    ])
    expect(codecs).toEqual([{ compression: 'ZSTD' }])

    // Every report day on or after the purge cutoff answers as before (archive read for old days).
    expect(await reader.query(reportSql)).toEqual(report)

    const logged = await audits()
    expect(logged).toHaveLength(result.archived.length + result.purged.length)
    expect(
      logged
        .filter((a) => a.event_id === 'RPT-RET-001')
        .map((a) => a.ref_id)
        .sort(),
    ).toEqual(result.archived.map((p) => `${p.dataset}/dt=${p.dt}`).sort())
    expect(
      logged
        .filter((a) => a.event_id === 'RPT-RET-002')
        .map((a) => a.ref_id)
        .sort(),
    ).toEqual(result.purged.map((p) => `${p.dataset}/dt=${p.dt}`).sort())
    expect(logged.every((a) => a.session_user_id === 'admin.ops')).toBe(true)
    expect(logged.find((a) => a.ref_id === `registration/dt=${purgeBefore}`)?.log_desc).toMatch(
      /^Lake dataset registration partition dt=2025-11-22 archived: \d+ rows, \d+ bytes; archive file .*sha256 [0-9a-f]{64}$/,
    )

    // Later, archived partitions past the purge age leave the archive, audited too.
    const later = await applyRetention({
      writer,
      archiveRoot,
      policies,
      today: addDays(today, 10),
      db: database.db,
    })
    expect(
      later.purged
        .filter((p) => p.tier === 'archive')
        .map((p) => p.dt)
        .sort(),
    ).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        .flatMap((n) => [addDays(purgeBefore, n), addDays(purgeBefore, n)])
        .sort(),
    )
    expect((await partitionDays(archiveRoot, 'registration'))[0]).toBe(addDays(purgeBefore, 10))
    expect((await audits()).filter((a) => a.session_user_id === 'SYSTEM')).toHaveLength(
      later.archived.length + later.purged.length,
    )
    expect(await pendingIntents(archiveRoot)).toEqual([])
  })

  it('finishes cleanly after a crash between archiving a partition and dropping it', async () => {
    const dt = '2025-12-01'
    const part = (await writer.partition('registration', dt))!
    const partition = {
      dataset: 'registration',
      dt,
      tier: 'lake' as const,
      rows: part.rows,
      bytes: part.bytes,
    }
    // The stopped run: intent written, archive and manifest written, lake copy still there.
    await writeIntent(archiveRoot, 'archive', partition)
    const target = archiveFile(archiveRoot, 'registration', dt)
    const exported = await writer.exportPartition('registration', dt, target)
    await writeManifest(archiveRoot, {
      dataset: 'registration',
      dt,
      file: `registration-${dt}.parquet`,
      rows: exported.rows,
      bytes: exported.bytes,
      sha256: await sha256File(target),
      compression: 'zstd level 19',
      sourceFiles: [...exported.files],
      archivedAt: new Date().toISOString(),
    })
    // Another stopped run: archived and dropped, but not yet audited.
    const dt2 = '2025-12-02'
    const part2 = (await writer.partition('registration', dt2))!
    const partition2 = {
      dataset: 'registration',
      dt: dt2,
      tier: 'lake' as const,
      rows: part2.rows,
      bytes: part2.bytes,
    }
    await writeIntent(archiveRoot, 'archive', partition2)
    const target2 = archiveFile(archiveRoot, 'registration', dt2)
    const exported2 = await writer.exportPartition('registration', dt2, target2)
    await writeManifest(archiveRoot, {
      dataset: 'registration',
      dt: dt2,
      file: `registration-${dt2}.parquet`,
      rows: exported2.rows,
      bytes: exported2.bytes,
      sha256: await sha256File(target2),
      compression: 'zstd level 19',
      sourceFiles: [...exported2.files],
      archivedAt: new Date().toISOString(),
    })
    await writer.dropPartition('registration', dt2)
    const report = await reader.query(reportSql)

    const result = await applyRetention({ writer, archiveRoot, policies, today, db: database.db })
    expect(result.resumed).toBe(2)
    expect(await writer.partition('registration', dt)).toBeNull()
    expect(await readManifest(archiveRoot, 'registration', dt)).toMatchObject({ rows: part.rows })
    const refs = (await audits()).map((a) => a.ref_id)
    expect(refs.filter((r) => r === `registration/dt=${dt}`)).toHaveLength(1)
    expect(refs.filter((r) => r === `registration/dt=${dt2}`)).toHaveLength(1)
    expect(await pendingIntents(archiveRoot)).toEqual([])
    expect(await reader.query(reportSql)).toEqual(report)
    // Nothing left to do: the scheduled job finds an empty plan and records nothing more.
    const count = (await audits()).length
    const progress: Array<[number, number | null | undefined]> = []
    const job = retentionJob({ writer, archiveRoot, db: database.db, policies })
    expect(job).toMatchObject({ name: 'reporting.retention', cron: '30 2 * * *' })
    await job.run({
      signal: new AbortController().signal,
      attempt: 1,
      scheduledAt: new Date(`${today}T02:30:00Z`),
      progress: async (done, total) => void progress.push([done, total]),
    })
    expect(progress).toEqual([])
    expect(await audits()).toHaveLength(count)
  })

  it('validates policies and documents its defaults', async () => {
    expect(
      retentionPolicySchema.safeParse({ archiveAfterDays: 30, purgeAfterDays: 30 }).success,
    ).toBe(false)
    expect(retentionPolicySchema.safeParse({ purgeAfterDays: 30 }).success).toBe(true)
    await expect(
      planRetention({
        writer,
        archiveRoot,
        policies: { registration: { archiveAfterDays: 0 } },
        today,
      }),
    ).rejects.toMatchObject({ code: 'MOS-RPT-801' })
    expect(defaultRetentionPolicies).toMatchObject({
      registration: { archiveAfterDays: 400, purgeAfterDays: 3650 },
      registration_transaction: { archiveAfterDays: 400, purgeAfterDays: 3650 },
      audit_event: { archiveAfterDays: 90 },
      registration_rollup_daily: {},
    })
  })
})
