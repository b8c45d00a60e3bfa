/**
 * Seed benchmark: `mosaic seed` into a scratch database, 1,000,000 registrations with their
 * full transaction history into PostgreSQL and 100,000 into PGlite on disk. Prints wall time,
 * rates, this process's CPU time (generation + encryption + driver), the whole machine's busy
 * CPU time (this process plus the database server, on an otherwise idle machine), WAL written
 * and the database size, which together say what limits the run.
 *
 *   node --import tsx bench/seed.bench.ts
 *
 * Env: MOSAIC_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, used to
 * create the scratch database), MOSAIC_BENCH_ONLY (pglite or postgres),
 * MOSAIC_BENCH_SEED_SCALE (multiplies the registration targets; default 1).
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
import { type Database, migrate, openDatabase } from '../src/platform/db/index.js'
import {
  machineBusySeconds,
  markdownTable,
  postgresScratch,
  progress,
  type ScratchDatabase,
} from './support.js'

const scale = Number(process.env.MOSAIC_BENCH_SEED_SCALE ?? 1)
const only = process.env.MOSAIC_BENCH_ONLY
const adminUrl =
  process.env.MOSAIC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
/** Registrations per resident the seed makes (NEW plus later requests and planted attempts). */
const registrationsPerResident = 1.125

async function pgliteScratch(): Promise<ScratchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'mosaic-seed-bench-'))
  const database = await openDatabase({ dataDir: join(folder, 'pgdata') })
  return {
    database,
    async drop() {
      await database.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function walLsn(database: Database): Promise<bigint | null> {
  if (database.backend !== 'postgres') return null
  const { rows } = await sql<{
    bytes: string
  }>`select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as bytes`.execute(database.db)
  return BigInt(rows[0]?.bytes ?? '0')
}

async function measure(backend: 'pglite' | 'postgres', registrations: number, days: number) {
  const scratch = backend === 'pglite' ? await pgliteScratch() : await postgresScratch(adminUrl)
  try {
    const { db } = scratch.database
    await migrate(db, [keyStoreHistory, ...identityModule.migrations])
    const keys = await openKeyStore({ db, masterKey: randomBytes(32) })
    const residents = Math.round(registrations / registrationsPerResident)
    progress(`${backend}: seeding ${residents.toLocaleString('en')} residents over ${days} days`)
    const walBefore = await walLsn(scratch.database)
    const cpuBefore = process.cpuUsage()
    const machineBefore = machineBusySeconds()
    const started = performance.now()
    const summary = await runSeed(
      { database: scratch.database, keyring: createIdRepoKeyring(keys), keys },
      { residents, days, seed: 'bench' },
      throttledProgress(progress, 10_000),
    )
    const wall = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    const machineAfter = machineBusySeconds()
    const walAfter = await walLsn(scratch.database)
    const { rows } = await sql<{
      mb: string
    }>`select (pg_database_size(current_database()) / 1048576)::text as mb`.execute(db)
    const totalRows = Object.values(summary.rows).reduce((a, b) => a + (b ?? 0), 0)
    return {
      backend,
      residents: summary.residents.toLocaleString('en'),
      registrations: summary.registrations.toLocaleString('en'),
      transactions: (summary.rows.transaction ?? 0).toLocaleString('en'),
      'rows (all tables)': totalRows.toLocaleString('en'),
      'wall s': wall.toFixed(0),
      'registrations/s': Math.round(summary.registrations / wall).toLocaleString('en'),
      'rows/s': Math.round(totalRows / wall).toLocaleString('en'),
      'node CPU s': ((cpu.user + cpu.system) / 1e6).toFixed(0),
      'machine CPU s':
        machineBefore !== null && machineAfter !== null
          ? (machineAfter - machineBefore).toFixed(0)
          : '-',
      'WAL MB':
        walBefore !== null && walAfter !== null ? String((walAfter - walBefore) / 1048576n) : '-',
      'DB MB': rows[0]?.mb ?? '-',
    }
  } finally {
    await scratch.drop()
  }
}

const results = []
if (only !== 'pglite') results.push(await measure('postgres', 1_000_000 * scale, 365))
if (only !== 'postgres') results.push(await measure('pglite', 100_000 * scale, 90))
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`)
console.log(markdownTable(results))
