/**
 * `mosaic integrity verify` over a seeded country on PostgreSQL (one machine, 2 vCPU): every
 * current record read back, decrypted and committed to again, compared with its latest logged
 * commitment (the record pass), beside the log part over the same entries.
 *
 *   node --import tsx bench/integrity-records.bench.ts
 *
 * Env: MOSAIC_BENCH_RESIDENTS (default 100000).
 */
import { sql } from 'kysely'
import { pino } from 'pino'
import { openSeedHarness, runSeed } from '../src/identity/index.js'
import { verifyIntegrity } from '../src/integrity/audit/index.js'
import { drainJournal, testLogIdentity } from '../src/integrity/audit/audit.test-kit.js'
import { integrityHistory } from '../src/integrity/integrity.migrations.js'
import { publishCheckpoint } from '../src/integrity/publish/checkpoint-publisher.js'
import { busMigrations } from '../src/platform/bus/index.js'
import { migrate } from '../src/platform/db/index.js'
import { markdownTable, progress } from './support.js'

const residents = Number(process.env.MOSAIC_BENCH_RESIDENTS ?? 100_000)
const harness = await openSeedHarness('postgres')
try {
  const { db } = harness.database
  progress(`seeding ${residents} residents`)
  await runSeed(harness, { residents, days: 90, seed: 'integrity-records' })
  await migrate(db, [busMigrations, integrityHistory])
  progress('sequencing the journal')
  await drainJournal(db)
  const log = await testLogIdentity(harness)
  await publishCheckpoint({ db, log, witnesses: [], logger: pino({ level: 'silent' }) })

  // The record pass starts after the journal pass's last progress report (the log part's end).
  const start = performance.now()
  let recordsFrom = start
  const report = await verifyIntegrity({
    db,
    keys: harness.keys,
    log,
    onProgress: (phase, done) => {
      if (phase !== 'records') recordsFrom = performance.now()
      else if (done % 10_000 < 500) progress(`records ${done}`)
    },
  })
  const end = performance.now()
  if (!report.ok) throw new Error(`verify found ${report.findings.length} findings on a clean log`)
  const { rows } = await sql<{ n: string }>`select count(*) as n from idrepo.uin`.execute(db)
  const records = Number(rows[0]?.n)
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(
    markdownTable([
      { measure: 'records (idrepo.uin)', value: records },
      { measure: 'log entries', value: report.size },
      { measure: 'verify, whole run', value: seconds(end - start) },
      {
        measure: 'verify, log part (tree, checkpoints, chains, journal)',
        value: seconds(recordsFrom - start),
      },
      {
        measure: 'verify, record pass (read, decrypt, commit, compare)',
        value: `${seconds(end - recordsFrom)} (${Math.round((records / (end - recordsFrom)) * 1000)} records/s)`,
      },
    ]),
  )
} finally {
  await harness.database.drop()
}
