/**
 * Reporting benchmark on a seeded country of about 10,000,000 registration transactions in
 * PostgreSQL: how fast change data capture loads the lake (rows/s, then compaction), and each
 * report's p50 and p95 from the lake (DuckDB) against the same report as plain SQL directly on
 * PostgreSQL (the tests' oracle, written to be read, not tuned). Run on an idle machine:
 *
 *   node --import tsx bench/reporting.bench.ts
 *
 * Env: MOSAIC_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * MOSAIC_BENCH_RESIDENTS (default 565,000: about 10M transactions over 365 days),
 * MOSAIC_BENCH_RUNS (lake runs per report, default 9; PostgreSQL gets a third of them).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { identityModule } from '../src/identity/identity.module.js'
import { createIdRepoKeyring } from '../src/identity/idrepo/index.js'
import { runSeed, throttledProgress } from '../src/identity/seed/index.js'
import { keyStoreHistory, openKeyStore } from '../src/platform/crypto/index.js'
import { migrate } from '../src/platform/db/index.js'
import { reportingHistory } from '../src/reporting/cdc/reporting.migrations.js'
import { WatermarkConnector } from '../src/reporting/cdc/watermark-connector.js'
import {
  collatedTables,
  collationCapturedTables,
} from '../src/reporting/collation/collation-datasets.js'
import { createCollationSink } from '../src/reporting/collation/collation-sink.js'
import { LakeReader } from '../src/reporting/lake/lake-reader.js'
import { LakeWriter } from '../src/reporting/lake/lake-writer.js'
import { listPartitions } from '../src/reporting/lake/lake-files.js'
import type { ReportId } from '../src/reporting/report-catalog.js'
import { oracleReport } from '../src/reporting/report-oracle.test-kit.js'
import { lakeReport } from '../src/reporting/reports/lake-report.js'
import { markdownTable, percentile, postgresScratch, progress } from './support.js'

const adminUrl =
  process.env.MOSAIC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const residents = Number(process.env.MOSAIC_BENCH_RESIDENTS ?? 565_000)
const runs = Number(process.env.MOSAIC_BENCH_RUNS ?? 9)
const until = '2026-01-01'

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now()
  const result = await work()
  return [performance.now() - started, result]
}

const scratch = await postgresScratch(adminUrl)
const folder = mkdtempSync(join(tmpdir(), 'mosaic-reporting-bench-'))
try {
  const { db } = scratch.database
  await migrate(db, [keyStoreHistory, ...identityModule.migrations, reportingHistory])
  const keys = await openKeyStore({ db, masterKey: randomBytes(32) })
  progress(`seeding ${residents.toLocaleString('en')} residents over 365 days`)
  const summary = await runSeed(
    { database: scratch.database, keyring: createIdRepoKeyring(keys), keys },
    { residents, days: 365, seed: 'reporting-bench', until: new Date(`${until}T00:00:00Z`) },
    throttledProgress(progress, 15_000),
  )
  const transactions = summary.rows.transaction ?? 0
  progress(`seeded ${transactions.toLocaleString('en')} registration transactions`)

  // Lake load: every captured table, from nothing, as a new reporting installation does.
  const root = join(folder, 'lake')
  const writer = await LakeWriter.open({ root })
  const cdc = await WatermarkConnector.open({
    source: { name: 'bench', db },
    checkpointDb: db,
    tables: collationCapturedTables,
    sink: createCollationSink({ writer }),
    batchSize: 10_000,
  })
  const ticker = setInterval(() => {
    const rows = cdc.progress().reduce((sum, p) => sum + p.rowsDelivered, 0)
    progress(`lake load: ${rows.toLocaleString('en')} row versions`)
  }, 15_000)
  const [loadMs, delivered] = await timed(() => cdc.pollOnce())
  clearInterval(ticker)
  await cdc.stop()
  const loaded = Object.values(delivered).reduce((a, b) => a + b, 0)
  let partitions = 0
  const [compactMs] = await timed(async () => {
    for (const table of collatedTables) {
      for (const dt of await listPartitions(root, table.dataset.name)) {
        await writer.compact(table.dataset, dt)
        partitions++
      }
    }
  })
  await writer.close()

  // Reports: typical questions, each answered from the lake and directly on PostgreSQL.
  const { rows: busy } = await sql<{ center: string }>`
    select substr(reg_id, 1, 5) as center from regprc.registration
    group by 1 order by count(*) desc limit 1`.execute(db)
  const center = busy[0]?.center ?? '10001'
  const month = { from: '2025-12-01', to: '2025-12-31' }
  const day = { date: '2025-12-15' }
  const questions: [ReportId, Record<string, string>][] = [
    ['registrations-per-day', month],
    ['uin-updates', month],
    ['registrations-by-center', day],
    ['uin-by-age-gender', month],
    ['center-approval-eod', day],
    ['center-rejections', { ...month, center }],
    ['failed-packets', month],
    ['packet-processing-stats', { from: '2025-12-25', to: '2025-12-31' }],
    ['stuck-packets', day],
  ]
  const reader = await LakeReader.open({ root, datasets: collatedTables.map((t) => t.dataset) })
  const reports: Record<string, string>[] = []
  for (const [id, params] of questions) {
    progress(`report ${id}`)
    const lake: number[] = []
    const direct: number[] = []
    for (let i = 0; i < runs; i++) {
      lake.push((await timed(() => lakeReport(reader, id, params as never)))[0])
    }
    for (let i = 0; i < Math.max(1, Math.round(runs / 3)); i++) {
      direct.push((await timed(() => oracleReport(db, id, params as never)))[0])
    }
    const [lakeP50, directP50] = [percentile(lake, 50), percentile(direct, 50)]
    reports.push({
      report: id,
      'lake p50 ms': lakeP50.toFixed(0),
      'lake p95 ms': percentile(lake, 95).toFixed(0),
      'PostgreSQL p50 ms': directP50.toFixed(0),
      'PostgreSQL p95 ms': percentile(direct, 95).toFixed(0),
      'PostgreSQL ÷ lake': (directP50 / lakeP50).toFixed(1),
    })
  }
  await reader.close()

  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`)
  console.log(
    markdownTable([
      {
        registrations: summary.registrations.toLocaleString('en'),
        transactions: transactions.toLocaleString('en'),
        'row versions loaded': loaded.toLocaleString('en'),
        'load s': (loadMs / 1000).toFixed(0),
        'load rows/s': Math.round(loaded / (loadMs / 1000)).toLocaleString('en'),
        'partitions compacted': partitions,
        'compaction s': (compactMs / 1000).toFixed(0),
      },
    ]),
  )
  console.log()
  console.log(markdownTable(reports))
} finally {
  await scratch.drop()
  rmSync(folder, { recursive: true, force: true })
}
