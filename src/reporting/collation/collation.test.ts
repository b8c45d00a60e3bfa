import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeedHarness, runSeed, type SeedHarness } from '../../identity/index.js'
import { migrate, type Db } from '../../platform/db/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { reportingHistory } from '../cdc/reporting.migrations.js'
import type { CdcBatch } from '../cdc/watermark-connector.js'
import { WatermarkConnector } from '../cdc/watermark-connector.js'
import { LakeReader } from '../lake/lake-reader.js'
import { LakeWriter } from '../lake/lake-writer.js'
import {
  collatedTables,
  collationCapturedTables,
  registrationTransactionVersions as transactions,
  registrationVersions as registrations,
} from './collation-datasets.js'
import { createCollationSink } from './collation-sink.js'
import { readRegprcSides } from './collation.test-kit.js'
import { distinctVersionsView, latestVersionsView } from './latest-versions-view.js'

describe.each(testBackends)('collation of regprc into the lake on %s', (backend) => {
  let harness: SeedHarness
  let dir: string
  let writer: LakeWriter
  let reader: LakeReader
  let cdc: WatermarkConnector
  const batches: CdcBatch[] = []
  const db = (): Db => harness.database.db

  beforeAll(async () => {
    harness = await openSeedHarness(backend)
    await runSeed(harness, { residents: 300, days: 14, seed: 'collation' })
    await migrate(db(), [reportingHistory])
    dir = await mkdtemp(join(tmpdir(), 'mosaic-collation-'))
    writer = await LakeWriter.open({ root: join(dir, 'lake') })
    reader = await LakeReader.open({
      root: join(dir, 'lake'),
      datasets: collatedTables.map((t) => t.dataset),
    })
    const sink = createCollationSink({ writer })
    cdc = await WatermarkConnector.open({
      source: { name: 'core', db: db() },
      checkpointDb: db(),
      tables: collationCapturedTables,
      batchSize: 500,
      async sink(batch) {
        await sink(batch)
        batches.push(batch)
      },
    })
    await cdc.pollOnce()
  }, 300_000)

  afterAll(async () => {
    await cdc?.stop()
    await writer?.close()
    await reader?.close()
    await harness?.database.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const count = async (view: string) => {
    const rows = await reader.query(`SELECT count(*) AS n FROM (${view})`)
    return rows[0]?.['n']
  }

  it('holds every live registration and transaction of the source, with equal values', async () => {
    const sides = await readRegprcSides(db(), reader)
    expect(sides.source.registrations.length).toBeGreaterThan(100)
    expect(sides.source.transactions.length).toBeGreaterThan(sides.source.registrations.length)
    // Several batches per table, so the view reads versions spread over many appended files.
    expect(batches.filter((b) => b.table === transactions.source).length).toBeGreaterThan(1)
    expect(sides.lake).toEqual(sides.source)
  })

  it('partitions versions by the UTC day of their change time, with no personal columns', async () => {
    const wrong = await reader.query(
      `SELECT count(*) AS n FROM registration WHERE dt <> CAST(change_time AS DATE)`,
    )
    expect(wrong).toEqual([{ n: 0 }])
    const columns = await reader.query(`SELECT * FROM registration LIMIT 1`)
    expect(Object.keys(columns[0] ?? {}).sort()).toEqual(
      [...registrations.dataset.columns.map((c) => c.name), 'dt'].sort(),
    )
  })

  it('changes no count when a batch is delivered twice', async () => {
    const before = {
      regs: await count(latestVersionsView(registrations)),
      trns: await count(latestVersionsView(transactions)),
      versions: await count(distinctVersionsView(registrations)),
    }
    const raw = await count('SELECT * FROM registration')
    const batch = batches.find((b) => b.table === registrations.source)
    expect(batch?.changes.length).toBeGreaterThan(0)
    const sink = createCollationSink({ writer })
    await sink(batch!)
    await sink(batch!)
    expect(await count('SELECT * FROM registration')).toBe(
      Number(raw) + 2 * (batch?.changes.length ?? 0),
    )
    expect({
      regs: await count(latestVersionsView(registrations)),
      trns: await count(latestVersionsView(transactions)),
      versions: await count(distinctVersionsView(registrations)),
    }).toEqual(before)
  })

  it('skips a hard delete (a key-only change, as logical replication sends it)', async () => {
    const raw = await count('SELECT * FROM registration_transaction')
    const batch = batches.find((b) => b.table === transactions.source)
    const [first] = batch?.changes ?? []
    expect(first).toBeDefined()
    const hardDelete = {
      ...first!,
      key: `${first!.key}#deleted`,
      deleted: true,
      row: { id: first!.row['id'] },
    }
    await createCollationSink({ writer })({ ...batch!, changes: [hardDelete] })
    expect(await count('SELECT * FROM registration_transaction')).toBe(raw)
    // A row missing its columns that is not a delete is refused, not skipped.
    await expect(
      createCollationSink({ writer })({
        ...batch!,
        changes: [{ ...hardDelete, row: { id: 'x' }, deleted: false }],
      }),
    ).rejects.toMatchObject({ code: 'MOS-RPT-202' })
  })

  it('shows an update in the latest view and the old status as of before it', async () => {
    const { rows } = await sql<{ workflow_instance_id: string; status_code: string }>`
      select workflow_instance_id, status_code from regprc.registration
      where coalesce(is_deleted, false) = false order by workflow_instance_id limit 1`.execute(db())
    const target = rows[0]!
    const newStatus = target.status_code === 'REJECTED' ? 'PROCESSED' : 'REJECTED'
    // After every seeded change (the seed ends 2026-01-01) and before the clock of the test.
    const updatedAt = '2026-03-10T12:00:00.000Z'
    await sql`update regprc.registration set status_code = ${newStatus}, upd_by = 'SYSTEM',
      upd_dtimes = cast(${updatedAt.slice(0, 23)} as timestamp)
      where workflow_instance_id = ${target.workflow_instance_id}`.execute(db())
    expect(await cdc.pollOnce()).toMatchObject({ [registrations.source]: 1 })

    const statusOf = async (view: string) =>
      reader.query(
        `SELECT status_code, change_time FROM (${view}) WHERE workflow_instance_id = $id`,
        {
          id: target.workflow_instance_id,
        },
      )
    expect(await statusOf(latestVersionsView(registrations))).toEqual([
      { status_code: newStatus, change_time: updatedAt },
    ])
    const before = await statusOf(
      latestVersionsView(registrations, { asOf: '2026-03-10T11:59:59.999Z' }),
    )
    expect(before).toEqual([{ status_code: target.status_code, change_time: expect.any(String) }])
    expect(await statusOf(latestVersionsView(registrations, { asOf: updatedAt }))).toEqual([
      { status_code: newStatus, change_time: updatedAt },
    ])
    expect(await count(latestVersionsView(registrations))).toBe(
      await count(latestVersionsView(registrations, { asOf: updatedAt })),
    )
  })

  it('leaves out a soft-deleted registration from the latest view only after its deletion', async () => {
    const { rows } = await sql<{ workflow_instance_id: string }>`
      select workflow_instance_id from regprc.registration
      where coalesce(is_deleted, false) = false order by workflow_instance_id desc limit 1`.execute(
      db(),
    )
    const id = rows[0]!.workflow_instance_id
    const deletedAt = '2026-03-11T00:00:00.000'
    await sql`update regprc.registration set is_deleted = true,
      del_dtimes = cast(${deletedAt} as timestamp), upd_dtimes = cast(${deletedAt} as timestamp)
      where workflow_instance_id = ${id}`.execute(db())
    await cdc.pollOnce()
    const has = async (view: string) =>
      (await reader.query(`SELECT 1 FROM (${view}) WHERE workflow_instance_id = $id`, { id }))
        .length
    expect(await has(latestVersionsView(registrations))).toBe(0)
    expect(await has(latestVersionsView(registrations, { asOf: '2026-03-10T23:00:00Z' }))).toBe(1)
  })
})
