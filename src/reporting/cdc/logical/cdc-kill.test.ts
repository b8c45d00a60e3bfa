import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Db, migrate, openDatabase } from '../../../platform/db/index.js'
import { testBackends } from '../../../platform/db/test-database.js'
import {
  collatedTables,
  registrationTransactionVersions as transactions,
  registrationVersions as registrations,
} from '../../collation/collation-datasets.js'
import { distinctVersionsView, latestVersionsView } from '../../collation/latest-versions-view.js'
import { readRegprcSides } from '../../collation/collation.test-kit.js'
import { LakeReader } from '../../lake/lake-reader.js'
import { createCdcDatabase } from '../cdc.test-kit.js'
import { reportingHistory } from '../reporting.migrations.js'
import {
  createMosipDatabase,
  type LogicalCluster,
  logicalClusterUnavailable,
  startLogicalCluster,
} from './logical-cluster.test-kit.js'

const childScript = fileURLToPath(new URL('./cdc-kill.child.ts', import.meta.url))
const batchSize = 20

interface Line {
  event: string
  rows?: number
}

/** The reporting process: its stdout lines, and waiting on them. */
function spawnReporting(settings: object): {
  child: ChildProcess
  lines: Line[]
  waitFor: (what: string, test: (lines: Line[]) => boolean) => Promise<void>
  exited: Promise<number | null>
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, JSON.stringify(settings)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines: Line[] = []
  let buffered = ''
  const waiters = new Set<() => void>()
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Line)
    for (const wake of waiters) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = (what: string, test: (lines: Line[]) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (test(lines)) {
          waiters.delete(check)
          resolve()
        }
      }
      waiters.add(check)
      void exited.then(() => reject(new Error(`the reporting process exited before ${what}`)))
      check()
    })
  return { child, lines, waitFor, exited }
}

const clock = sql`clock_timestamp() at time zone 'utc'`

/** Registrations with their transactions, status updates, soft deletes and bulk transactions. */
function steadyWriter(db: Db): { stop: () => Promise<void> } {
  let stopped = false
  const run = (async () => {
    for (let i = 0; !stopped; i++) {
      const id = `w${String(i).padStart(5, '0')}`
      const regId = `1000${1 + (i % 5)}${String(i).padStart(24, '0')}`
      await db.transaction().execute(async (trx) => {
        await sql`insert into regprc.registration (workflow_instance_id, reg_id, process,
            status_code, lang_code, is_active, cr_by, cr_dtimes, pkt_cr_dtimes)
          values (${id}, ${regId}, 'NEW', 'PROCESSING', 'eng', true, 'SYSTEM', ${clock},
            ${clock})`.execute(trx)
        const bulk = i % 20 === 0 ? 45 : 2
        await sql`insert into regprc.registration_transaction (id, reg_id, trn_type_code,
            status_code, sub_status_code, lang_code, status_comment, cr_by, cr_dtimes)
          select ${id} || '-' || k, ${regId}, 'PACKET_RECEIVER', 'SUCCESS',
            'RPR-PKR-SUCCESS-001', 'eng', 'Packet received', 'SYSTEM', ${clock}
          from generate_series(1, ${bulk}) as k`.execute(trx)
      })
      if (i >= 3 && i % 3 === 0) {
        const earlier = `w${String(i - 3).padStart(5, '0')}`
        await sql`update regprc.registration set status_code = 'PROCESSED',
            latest_trn_id = ${earlier} || '-2', latest_trn_dtimes = ${clock}, upd_dtimes = ${clock}
          where workflow_instance_id = ${earlier}`.execute(db)
      }
      if (i >= 10 && i % 10 === 0) {
        await sql`update regprc.registration set is_deleted = true, del_dtimes = ${clock},
            upd_dtimes = ${clock}
          where workflow_instance_id = ${`w${String(i - 7).padStart(5, '0')}`}`.execute(db)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await run
    },
  }
}

/** The lake's latest versions equal the source's live rows; no key twice. */
async function expectLakeEqualsSource(source: Db, lakeRoot: string): Promise<number> {
  const reader = await LakeReader.open({
    root: lakeRoot,
    datasets: collatedTables.map((t) => t.dataset),
  })
  try {
    const sides = await readRegprcSides(source, reader)
    expect(sides.lake).toEqual(sides.source)
    let copies = 0
    for (const table of [registrations, transactions]) {
      const [latest] = await reader.query(
        `SELECT count(*) AS n, count(DISTINCT change_key) AS keys FROM (${latestVersionsView(table)})`,
      )
      expect(latest?.['n']).toBe(latest?.['keys'])
      const [distinct] = await reader.query(
        `SELECT count(*) AS n, count(DISTINCT change_key) AS keys FROM (${distinctVersionsView(table)})`,
      )
      expect(distinct?.['n']).toBe(distinct?.['keys'])
      const [raw] = await reader.query(
        `SELECT count(*) - count(DISTINCT change_key) AS copies FROM ${table.dataset.name}`,
      )
      copies += Number(raw?.['copies'])
    }
    return copies
  } finally {
    await reader.close()
  }
}

async function lakeRowCount(lakeRoot: string): Promise<number> {
  const reader = await LakeReader.open({
    root: lakeRoot,
    datasets: collatedTables.map((t) => t.dataset),
  })
  try {
    const [row] = await reader.query(
      `SELECT count(*) AS n FROM (${latestVersionsView(transactions)})`,
    )
    return Number(row?.['n'])
  } finally {
    await reader.close()
  }
}

/** Kill mid-stream, restart, catch up, compare. */
async function killAndResume(
  mode: 'logical' | 'watermark',
  source: Db,
  urls: { source: string; checkpoint: string },
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mosaic-cdc-kill-'))
  const lakeRoot = join(dir, 'lake')
  const settings = {
    mode,
    sourceName: `kill-${mode}`,
    sourceUrl: urls.source,
    checkpointUrl: urls.checkpoint,
    lakeRoot,
    batchSize,
  }
  let writer: { stop: () => Promise<void> } | undefined
  const children: ChildProcess[] = []
  try {
    const first = spawnReporting(settings)
    children.push(first.child)
    await first.waitFor('its first catch-up', (lines) => lines.some((l) => l.event === 'poll'))
    expect(first.lines[0]).toEqual({ event: 'open', mode })
    writer = steadyWriter(source)
    await first.waitFor(
      '8 batches',
      (lines) => lines.filter((l) => l.event === 'batch').length >= 8,
    )
    first.child.kill('SIGKILL')
    await first.exited
    // Some, not all, of what the source holds reached the lake before the kill.
    const inLake = await lakeRowCount(lakeRoot)
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from regprc.registration_transaction`.execute(source)
    expect(inLake).toBeGreaterThan(0)
    expect(inLake).toBeLessThan(rows[0]?.n ?? 0)

    const second = spawnReporting(settings)
    children.push(second.child)
    await second.waitFor('a catch-up after the restart', (lines) =>
      lines.some((l) => l.event === 'poll'),
    )
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await writer.stop()
    writer = undefined
    // A poll that starts after the last write delivers it: wait for two more.
    const polls = second.lines.filter((l) => l.event === 'poll').length
    await second.waitFor(
      'the final catch-up',
      (lines) => lines.filter((l) => l.event === 'poll').length >= polls + 2,
    )
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)

    const copies = await expectLakeEqualsSource(source, lakeRoot)
    // Only the batch in flight at the kill can be in the lake twice (deduplicated on read).
    expect(copies).toBeLessThanOrEqual(batchSize)
    // The restart resumed from the checkpoint instead of starting over.
    const resent = second.lines
      .filter((l) => l.event === 'batch')
      .reduce((n, l) => n + (l.rows ?? 0), 0)
    const firstRun = first.lines
      .filter((l) => l.event === 'batch')
      .reduce((n, l) => n + (l.rows ?? 0), 0)
    expect(resent).toBeGreaterThan(0)
    expect(firstRun).toBeGreaterThan(0)
  } finally {
    await writer?.stop()
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
  }
}

describe('CDC survives a SIGKILL of the reporting process', () => {
  describe.skipIf(logicalClusterUnavailable() !== null)('by logical replication', () => {
    let cluster: LogicalCluster
    beforeAll(async () => {
      cluster = await startLogicalCluster()
    }, 60_000)
    afterAll(async () => {
      await cluster?.stop()
    })

    it('loses nothing and counts nothing twice', async () => {
      const source = await createMosipDatabase(cluster, 'mosip_kill')
      // The checkpoint lives in another database than the source.
      const checkpoint = await openDatabase({ url: cluster.url('reporting_kill'), poolMax: 1 })
      try {
        await migrate(checkpoint.db, [reportingHistory])
        await killAndResume('logical', source.db, {
          source: cluster.url('mosip_kill'),
          checkpoint: cluster.url('reporting_kill'),
        })
      } finally {
        await checkpoint.close()
        await source.close()
      }
    }, 90_000)
  })

  describe.runIf(testBackends.includes('postgres'))('by watermark polling', () => {
    const dropped: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const drop of dropped.splice(0)) await drop()
    })

    it('loses nothing and counts nothing twice', async () => {
      const source = await createCdcDatabase('postgres', false)
      const checkpoint = await createCdcDatabase('postgres')
      dropped.push(
        () => source.drop(),
        () => checkpoint.drop(),
      )
      await killAndResume('watermark', source.db, {
        source: source.url ?? '',
        checkpoint: checkpoint.url ?? '',
      })
    }, 90_000)
  })
})
