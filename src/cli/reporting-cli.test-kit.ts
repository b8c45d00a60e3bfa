import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { expect } from 'vitest'
import { runMosaic } from '../../test/support/spawn-mosaic.js'
import { openDatabase, type Db } from '../platform/db/index.js'

/** A partition as the retention commands print it (plan and result). */
export interface PrintedPartition {
  readonly dataset: string
  readonly dt: string
  readonly tier: 'lake' | 'archive'
  readonly rows: number
  readonly bytes: number
}

/** `mosaic reporting retention --dry-run` output. */
export interface PrintedPlan {
  readonly today: string
  readonly datasets: readonly {
    readonly dataset: string
    readonly archive: readonly PrintedPartition[]
    readonly purge: readonly PrintedPartition[]
    readonly archiveBefore: string | null
    readonly purgeBefore: string | null
  }[]
  readonly totals: { readonly archive: number; readonly purge: number }
}

/** `mosaic reporting retention` output. */
export interface PrintedResult {
  readonly archived: readonly PrintedPartition[]
  readonly purged: readonly PrintedPartition[]
  readonly resumed: number
}

/** One retention audit entry, as stored in audit.app_audit_log. */
export interface RetentionAudit {
  readonly event_id: string
  readonly ref_id: string
  readonly session_user_id: string
}

/** Runs `mosaic …args` on the installation in `env`, expects success, returns stdout. */
export async function mosaicOk(args: string[], env: Record<string, string>): Promise<string> {
  const run = await runMosaic(args, env)
  expect(run.code, `mosaic ${args.join(' ')}\n${run.stderr}`).toBe(0)
  return run.stdout
}

/**
 * Opens the installation's embedded database for `work` and closes it again: PGlite is
 * single-process, so it must be closed before the next CLI run.
 */
export async function withHomeDatabase<T>(home: string, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: join(home, 'pgdata') })
  try {
    return await work(database.db)
  } finally {
    await database.close()
  }
}

/** The retention audit entries (RPT-RET-*), ordered. */
export async function retentionAudits(db: Db): Promise<RetentionAudit[]> {
  const { rows } = await sql<RetentionAudit>`
    select event_id, ref_id, session_user_id from audit.app_audit_log
    where event_id like 'RPT-RET-%' order by event_id, ref_id`.execute(db)
  return rows
}

/** The days (`dt=…` folders) of a dataset under a lake or archive root, sorted. */
export async function partitionDays(root: string, dataset: string): Promise<string[]> {
  const dir = join(root, dataset)
  if (!existsSync(dir)) return []
  return (await readdir(dir))
    .filter((name) => name.startsWith('dt='))
    .map((name) => name.slice(3))
    .sort()
}

/** `dataset/dt=day` of each partition (the audit refId), sorted, with its tier when asked. */
export function refsOf(partitions: readonly PrintedPartition[], withTier = false): string[] {
  return partitions.map((p) => `${p.dataset}/dt=${p.dt}${withTier ? ` (${p.tier})` : ''}`).sort()
}
