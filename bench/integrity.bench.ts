/**
 * The integrity log on PostgreSQL (one machine, 2 vCPU):
 * - the limit: this machine's raw SHA-256 rate over 150-byte entries, and RFC 6962 leaf
 *   appends (leaf hash + compact range) per second;
 * - durable appends: journalled changes sequenced into the log, one transaction per batch
 *   (entries, tiles, head, journal stamps), sustained over the whole backlog;
 * - acknowledged changes: concurrent writers each commit a journal row and wait for its log
 *   index, as the ID repository does, while the sequencer runs;
 * - proof latency from stored tiles; bytes per entry on disk; `verify` of the whole log.
 *
 *   node --import tsx bench/integrity.bench.ts
 *
 * Env: MOSAIC_BENCH_ENTRIES (log size, default 1000000), MOSAIC_BENCH_WRITERS (default 64).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { identityModule } from '../src/identity/index.js'
import { integrityHistory } from '../src/integrity/integrity.migrations.js'
import { sequenceBatch } from '../src/integrity/log/sequencer.js'
import { storedNodeReader } from '../src/integrity/log/tile-reader.js'
import { readHead } from '../src/integrity/log/log-store.js'
import {
  CompactRange,
  consistencyProof,
  inclusionProof,
  leafHash,
} from '../src/integrity/merkle/index.js'
import { verifyIntegrity } from '../src/integrity/audit/index.js'
import { testLogIdentity } from '../src/integrity/audit/audit.test-kit.js'
import { publishCheckpoint } from '../src/integrity/publish/checkpoint-publisher.js'
import { openKeyStore } from '../src/platform/crypto/index.js'
import { createLogger } from '../src/platform/telemetry/index.js'
import { createTestDatabase } from '../src/platform/db/test-database.js'
import { platformMigrations } from '../src/platform/platform.js'
import { markdownTable, percentile, progress } from './support.js'

const entries = Number(process.env.MOSAIC_BENCH_ENTRIES ?? 1_000_000)
const writers = Number(process.env.MOSAIC_BENCH_WRITERS ?? 64)
const rows: Record<string, string | number>[] = []
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000)

// The limit: hashing only.
{
  const data = randomBytes(150)
  const n = 1_000_000
  let t = performance.now()
  for (let i = 0; i < n; i++) createHash('sha256').update(data).digest()
  const sha = rate(n, performance.now() - t)
  const range = CompactRange.empty()
  t = performance.now()
  for (let i = 0; i < n; i++) range.append(leafHash(data))
  const leaves = rate(n, performance.now() - t)
  rows.push({ measure: 'raw SHA-256 of a 150 B entry (the limit)', value: `${sha}/s` })
  rows.push({
    measure: 'RFC 6962 leaf appends in memory (leaf hash + compact range)',
    value: `${leaves}/s`,
  })
}

const database = await createTestDatabase('postgres', [
  ...platformMigrations,
  ...identityModule.migrations,
  integrityHistory,
])
const { db } = database

/** Journal rows as the ID repository writes them (the sequencer reads nothing else). */
async function journal(count: number): Promise<void> {
  const chunk = 20_000
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done)
    await sql`
      insert into idrepo.record_change (uin_ref_id, version, action, salt, commitment,
        consent_kind, consent, consent_ref, actor, changed_at)
      select gen_random_uuid()::text, 1, 'create', gen_random_bytes(32), gen_random_bytes(32),
        'packet', '{"kind":"packet","rid":"10001100010000120250101120000"}'::jsonb,
        gen_random_bytes(32), 'bench', now()
      from generate_series(1, ${n})`.execute(db)
    progress(`journalled ${done + n}/${count}`)
  }
}

try {
  await sql`create extension if not exists pgcrypto`.execute(db)
  await journal(entries)
  let t = performance.now()
  let batches = 0
  while (await sequenceBatch(db)) {
    if (++batches % 100 === 0) progress(`sequenced ${batches} batches`)
  }
  const sequenceMs = performance.now() - t
  const appendRate = rate(entries, sequenceMs)
  rows.push({
    measure: `durable appends, backlog of ${entries} (batches of up to 1024, one commit each)`,
    value: `${appendRate}/s (${(sequenceMs / 1000).toFixed(1)} s)`,
  })

  // Acknowledged changes: writers commit a row each and wait for its stamp.
  const acks: number[] = []
  let stop = false
  const sequencer = (async () => {
    while (!stop) if (!(await sequenceBatch(db))) await new Promise((r) => setTimeout(r, 5))
  })()
  const perWriter = 40
  t = performance.now()
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = 0; i < perWriter; i++) {
        const start = performance.now()
        const { rows: inserted } = await sql<{ seq: string }>`
          insert into idrepo.record_change (uin_ref_id, version, action, salt, commitment,
            consent_kind, consent, consent_ref, actor, changed_at)
          values (${randomUUID()}, 1, 'update', ${randomBytes(32)}, ${randomBytes(32)}, 'packet',
            '{"kind":"packet","rid":"10001100010000120250101120000"}'::jsonb, ${randomBytes(32)},
            'bench', now()) returning seq`.execute(db)
        const seq = inserted[0]?.seq
        for (;;) {
          const { rows: stamp } = await sql<{ log_index: string | null }>`
            select log_index from idrepo.record_change where seq = ${seq}`.execute(db)
          if (stamp[0]?.log_index !== null) break
          await new Promise((r) => setTimeout(r, 10))
        }
        acks.push(performance.now() - start)
      }
    }),
  )
  const ackMs = performance.now() - t
  stop = true
  await sequencer
  rows.push({
    measure: `acknowledged changes, ${writers} concurrent writers (commit + wait for the log index)`,
    value: `${rate(acks.length, ackMs)}/s; latency p50 ${percentile(acks, 50).toFixed(0)} ms, p99 ${percentile(acks, 99).toFixed(0)} ms`,
  })

  const size = (await readHead(db)).size
  const reader = storedNodeReader(db, size)
  const inclusion: number[] = []
  const consistency: number[] = []
  for (let i = 0; i < 1000; i++) {
    let s = performance.now()
    await inclusionProof(Math.floor(Math.random() * size), size, reader)
    inclusion.push(performance.now() - s)
    s = performance.now()
    await consistencyProof(
      1 + Math.floor(Math.random() * (size - 1)),
      size,
      storedNodeReader(db, size),
    )
    consistency.push(performance.now() - s)
  }
  const ms = (v: number[]) =>
    `p50 ${percentile(v, 50).toFixed(2)} ms, p99 ${percentile(v, 99).toFixed(2)} ms`
  rows.push({ measure: `inclusion proof from stored tiles (size ${size})`, value: ms(inclusion) })
  rows.push({
    measure: `consistency proof from stored tiles (size ${size})`,
    value: ms(consistency),
  })

  const { rows: bytes } = await sql<{ entry: string; tile: string }>`
    select pg_total_relation_size('integrity.entry') as entry,
      pg_total_relation_size('integrity.tile') as tile`.execute(db)
  const entryBytes = Number(bytes[0]?.entry) / size
  const tileBytes = Number(bytes[0]?.tile) / size
  rows.push({
    measure: 'bytes per entry on disk (PostgreSQL, with indexes)',
    value: `${(entryBytes + tileBytes).toFixed(0)} (entries ${entryBytes.toFixed(0)}, tiles ${tileBytes.toFixed(0)}); payload 150 + tile hashes 32.1`,
  })
  rows.push({
    measure: 'durable append rate / raw SHA-256 rate',
    value: (appendRate / Number(String(rows[0]?.value).replace('/s', ''))).toFixed(4),
  })
  // verify: the whole log (tiles, root, checkpoint, chains, journal, consents). The bench's
  // journal rows name no stored record, so the record pass reports them and is not timed here.
  const keys = await openKeyStore({ db, masterKey: randomBytes(32) })
  const log = await testLogIdentity({ keys })
  await publishCheckpoint({ db, log, witnesses: [], logger: createLogger({ level: 'silent' }) })
  t = performance.now()
  const report = await verifyIntegrity({ db, keys, log })
  rows.push({
    measure: `mosaic integrity verify over ${size} entries (findings: ${report.findings.length} record-level, expected)`,
    value: `${((performance.now() - t) / 1000).toFixed(1)} s`,
  })
  console.log(markdownTable(rows))
} finally {
  await database.drop()
}
