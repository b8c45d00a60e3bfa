/**
 * Identifier benchmark: how fast UINs and VIDs are generated (raw candidates and accepted ones
 * per second), how many values MOSIP's rules leave (estimated by sampling), and how filling the
 * kernel UIN pool slows as the pool grows (time per 10,000 new unique UINs at several pool sizes,
 * on PGlite on disk and on PostgreSQL).
 *
 *   node --import tsx bench/uin.bench.ts
 *
 * Env: MOSAIC_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, used to
 * create a scratch database), MOSAIC_BENCH_SCALE (multiplies the pool sizes and samples; default
 * 1), MOSAIC_BENCH_ONLY (comma list of pglite, postgres).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import {
  countUnusedUins,
  digitRuleIds,
  kernelHistory,
  refillUinPool,
  uinViolations,
  verhoeff,
} from '../src/identity/ids/index.js'
import { randomDigits } from '../src/identity/ids/random-digits.js'
import { passesUinRules, rawUinCandidate } from '../src/identity/ids/uin.js'
import { passesVidRules } from '../src/identity/ids/vid.js'
import { type Database, migrate, openDatabase } from '../src/platform/db/index.js'
import { markdownTable, progress } from './support.js'

const scale = Number(process.env.MOSAIC_BENCH_SCALE ?? 1)
const adminUrl =
  process.env.MOSAIC_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const poolSizes = [0, 100_000 * scale, 1_000_000 * scale]
const probe = 10_000
const samples = 2_000_000 * scale
const rate = (value: number) => Math.round(value).toLocaleString('en-US')
const seconds = (since: number) => (performance.now() - since) / 1000

/** Candidates and accepted values per second over `duration` seconds of one core. */
function generationRate(make: () => string, passes: (value: string) => boolean, duration = 3) {
  let candidates = 0
  let accepted = 0
  const started = performance.now()
  while (seconds(started) < duration) {
    for (let i = 0; i < 1000; i++) if (passes(make())) accepted++
    candidates += 1000
  }
  const elapsed = seconds(started)
  return { candidates: candidates / elapsed, accepted: accepted / elapsed }
}

progress('measuring generation rates')
const vidCandidate = () => {
  const body = randomDigits(15)
  return body + verhoeff.compute(body)
}
const uinRate = generationRate(
  () => rawUinCandidate(10),
  (uin) => passesUinRules(uin),
)
const vidRate = generationRate(vidCandidate, (vid) => passesVidRules(vid))

progress(`sampling ${samples.toLocaleString('en-US')} random UIN candidates`)
// Every 9-digit body has exactly one check digit, so 10^9 candidates exist; sampling bodies
// uniformly estimates the share that passes every rule, and what each rule alone refuses.
const refusedBy = new Map<string, number>(digitRuleIds.map((rule) => [rule, 0]))
const firstRefusal = new Map<string, number>(digitRuleIds.map((rule) => [rule, 0]))
let passing = 0
for (let i = 0; i < samples; i++) {
  const violations = uinViolations(rawUinCandidate(10))
  if (violations.length === 0) passing++
  for (const { rule } of violations) refusedBy.set(rule, (refusedBy.get(rule) ?? 0) + 1)
  const first = violations[0]?.rule
  if (first) firstRefusal.set(first, (firstRefusal.get(first) ?? 0) + 1)
}
const share = passing / samples
const margin = 1.96 * Math.sqrt((share * (1 - share)) / samples)

interface Store {
  name: string
  database: Database
  cleanup(): Promise<void>
}

async function pgliteStore(): Promise<Store> {
  const folder = mkdtempSync(join(tmpdir(), 'mosaic-uin-bench-'))
  const database = await openDatabase({ dataDir: join(folder, 'pgdata') })
  return {
    name: 'PGlite on disk',
    database,
    async cleanup() {
      await database.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function postgresStore(): Promise<Store> {
  const name = `mosaic_bench_${randomBytes(4).toString('hex')}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), poolMax: 4 })
  return {
    name: 'PostgreSQL',
    database,
    async cleanup() {
      await database.close()
      const admin = new pg.Client({ connectionString: adminUrl })
      await admin.connect()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

interface FillRow {
  backend: string
  poolSize: number
  seconds: number
  duplicates: number
}

async function measureFill(store: Store): Promise<FillRow[]> {
  const rows: FillRow[] = []
  try {
    await migrate(store.database.db, [kernelHistory])
    for (const size of poolSizes) {
      const have = await countUnusedUins(store.database.db)
      if (size > have) {
        progress(`${store.name}: filling the pool to ${size.toLocaleString('en-US')}`)
        await refillUinPool(store.database.db, { count: size - have, pool: { chunk: 10_000 } })
      }
      progress(`${store.name}: adding ${probe.toLocaleString('en-US')} to a pool of ${size}`)
      const started = performance.now()
      const result = await refillUinPool(store.database.db, {
        count: probe,
        pool: { chunk: 2_000 },
      })
      rows.push({
        backend: store.name,
        poolSize: size,
        seconds: seconds(started),
        duplicates: result.duplicates,
      })
    }
  } finally {
    await store.cleanup()
  }
  return rows
}

const only = process.env.MOSAIC_BENCH_ONLY?.split(',')
const stores: Record<string, () => Promise<Store>> = {
  pglite: pgliteStore,
  postgres: postgresStore,
}
const fills: FillRow[] = []
for (const [name, open] of Object.entries(stores)) {
  if (only && !only.includes(name)) continue
  fills.push(...(await measureFill(await open())))
}

const percent = (value: number, digits = 2) => `${(value * 100).toFixed(digits)} %`
console.log(`\nIdentifiers, ${cpus().length} vCPU, Node ${process.version}, scale ${scale}\n`)
console.log(
  markdownTable([
    {
      identifier: 'UIN (10 digits)',
      'candidates/s': rate(uinRate.candidates),
      'accepted/s': rate(uinRate.accepted),
      accepted: percent(uinRate.accepted / uinRate.candidates),
    },
    {
      identifier: 'VID (16 digits)',
      'candidates/s': rate(vidRate.candidates),
      'accepted/s': rate(vidRate.accepted),
      accepted: percent(vidRate.accepted / vidRate.candidates),
    },
  ]),
)
console.log(
  `\nUIN space: ${percent(share, 3)} ± ${percent(margin, 3)} of the 10^9 Verhoeff-checked` +
    ` candidates pass every rule, about ${rate(share * 1e9)} UINs` +
    ` (${rate((share - margin) * 1e9)} to ${rate((share + margin) * 1e9)}; ${samples.toLocaleString('en-US')} samples).\n`,
)
console.log(
  markdownTable(
    digitRuleIds.map((rule) => ({
      rule,
      'refuses (alone or with others)': percent((refusedBy.get(rule) ?? 0) / samples),
      'first rule broken': percent((firstRefusal.get(rule) ?? 0) / samples),
    })),
  ),
)
console.log('')
console.log(
  markdownTable(
    fills.map((row) => ({
      backend: row.backend,
      'pool size before': row.poolSize.toLocaleString('en-US'),
      'seconds per 10k new UINs': row.seconds.toFixed(2),
      'new UINs/s': rate(probe / row.seconds),
      'duplicates rejected': row.duplicates,
      'duplicate rate': percent(row.duplicates / (probe + row.duplicates), 3),
    })),
  ),
)
