import { basename } from 'node:path'
import type { QueryExecutorProvider } from 'kysely'
import { recordAudit } from '../../identity/index.js'
import { recoverLake } from '../lake/lake-files.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import {
  archiveFile,
  archiveProblem,
  readManifest,
  removeArchived,
  sha256File,
  writeManifest,
  type ArchiveManifest,
} from './partition-archive.js'
import { retentionAuditEntry, type RetentionAction } from './retention-audit.js'
import { retentionErrors } from './retention-errors.js'
import {
  pendingIntents,
  removeIntent,
  writeIntent,
  type RetentionIntent,
} from './retention-journal.js'
import {
  planRetention,
  retentionInput,
  type PlannedPartition,
  type RetentionOptions,
  type RetentionPlan,
} from './retention-plan.js'

/** Archive files are zstd at a high level: written once, read rarely. */
const archiveCompression = { codec: 'zstd', level: 19 } as const

/** Options of `applyRetention`. */
export interface ApplyRetentionOptions extends RetentionOptions {
  /** The database whose audit log records every archive and purge. */
  readonly db: QueryExecutorProvider
  /** Who runs it: a staff username, or SYSTEM (the default) for the scheduled run. */
  readonly sessionUserId?: string
  /** Called after each partition: partitions done, of the total (resumed ones included). */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>
  /** Checked between partitions; a stopped run is finished by the next. */
  readonly signal?: AbortSignal
}

/** What a run did. */
export interface RetentionResult {
  /** Today's plan, made at the start (actions a stopped run left are added to it, not repeated). */
  readonly plan: RetentionPlan
  readonly archived: readonly PlannedPartition[]
  readonly purged: readonly PlannedPartition[]
  /** Actions a stopped earlier run had started, finished by this one. */
  readonly resumed: number
}

/**
 * Executes retention partition by partition: first what a stopped run left (its journal), then
 * today's plan. Archive: the partition is copied into one zstd file with a manifest (rows,
 * bytes, sha256), the copy is verified, and only then is the lake partition dropped (and only
 * if its files did not change meanwhile). Purge: the partition's directory goes in one step.
 * Every action is recorded in the audit log (RPT-RET-001 archive, RPT-RET-002 purge).
 */
export async function applyRetention(options: ApplyRetentionOptions): Promise<RetentionResult> {
  retentionInput(options)
  const { archiveRoot, writer } = options
  const user = options.sessionUserId ?? 'SYSTEM'
  await recoverLake(archiveRoot)
  const pending = await pendingIntents(archiveRoot)
  const plan = await planRetention(options)
  const planned: Array<{ action: RetentionAction; partition: PlannedPartition }> = []
  for (const d of plan.datasets) {
    for (const p of d.archive) planned.push({ action: 'archive', partition: p })
    for (const p of d.purge) planned.push({ action: 'purge', partition: p })
  }
  // A resumed action may also be in the new plan (its lake partition was still there).
  const fresh = planned.filter(
    (a) => !pending.some((i) => i.action === a.action && sameTarget(i.partition, a.partition)),
  )
  const total = pending.length + fresh.length
  const archived: PlannedPartition[] = []
  const purged: PlannedPartition[] = []
  let done = 0
  const run = async (intent: RetentionIntent) => {
    if (options.signal?.aborted === true) throw retentionErrors.aborted(done, total)
    const detail = await execute(writer, archiveRoot, intent)
    await recordAudit(
      options.db,
      retentionAuditEntry(intent.action, intent.partition, user, detail),
    )
    await removeIntent(archiveRoot, intent)
    ;(intent.action === 'archive' ? archived : purged).push(intent.partition)
    done++
    await options.onProgress?.(done, total)
  }
  for (const intent of pending) await run(intent)
  for (const { action, partition } of fresh) {
    if (options.signal?.aborted === true) throw retentionErrors.aborted(done, total)
    await run(await writeIntent(archiveRoot, action, partition))
  }
  return { plan, archived, purged, resumed: pending.length }
}

function sameTarget(a: PlannedPartition, b: PlannedPartition): boolean {
  return a.dataset === b.dataset && a.dt === b.dt && a.tier === b.tier
}

/** Carries out one intent; safe to repeat. Returns the audit detail. */
async function execute(
  writer: LakeWriter,
  archiveRoot: string,
  intent: RetentionIntent,
): Promise<string> {
  const { dataset, dt, tier } = intent.partition
  if (intent.action === 'purge') {
    if (tier === 'archive') await removeArchived(archiveRoot, dataset, dt)
    else await writer.dropPartition(dataset, dt)
    return ''
  }
  const manifest = await archivePartition(writer, archiveRoot, dataset, dt)
  return `archive file ${dataset}/dt=${dt}/${manifest.file}, ${manifest.compression}, sha256 ${manifest.sha256}`
}

/** Writes (or reuses) a verified archive of a lake partition, then drops the lake copy. */
async function archivePartition(
  writer: LakeWriter,
  archiveRoot: string,
  dataset: string,
  dt: string,
): Promise<ArchiveManifest> {
  const where = `${dataset} dt=${dt}`
  const hot = await writer.partition(dataset, dt)
  let manifest = await readManifest(archiveRoot, dataset, dt)
  if (hot === null) {
    // An earlier run dropped the lake copy after archiving it; only the audit was missing.
    const problem = manifest === null ? 'no manifest' : await archiveProblem(archiveRoot, manifest)
    if (manifest === null || problem !== null) {
      throw retentionErrors.archiveMismatch(where, `${problem ?? 'unknown'}, lake copy gone`)
    }
    return manifest
  }
  const reusable =
    manifest !== null &&
    manifest.rows === hot.rows &&
    sameList(manifest.sourceFiles, hot.files) &&
    (await archiveProblem(archiveRoot, manifest)) === null
  if (manifest === null || !reusable) {
    const target = archiveFile(archiveRoot, dataset, dt)
    const exported = await writer.exportPartition(dataset, dt, target, archiveCompression)
    manifest = {
      dataset,
      dt,
      file: basename(target),
      rows: exported.rows,
      bytes: exported.bytes,
      sha256: await sha256File(target),
      compression: `zstd level ${archiveCompression.level}`,
      sourceFiles: [...exported.files],
      archivedAt: new Date().toISOString(),
    }
    await writeManifest(archiveRoot, manifest)
  }
  // Verified as stored (size and sha256 read back) before the lake copy may go.
  const problem = await archiveProblem(archiveRoot, manifest)
  if (problem !== null) throw retentionErrors.archiveMismatch(where, problem)
  await writer.dropPartition(dataset, dt, { expectedFiles: manifest.sourceFiles })
  return manifest
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}
