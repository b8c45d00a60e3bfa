import { lakeDate } from '../lake/lake-dataset.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import { archivedPartitions } from './partition-archive.js'
import { retentionErrors } from './retention-errors.js'
import {
  defaultRetentionPolicies,
  retentionPoliciesSchema,
  type RetentionPolicies,
} from './retention-policy.js'
import { describeIssues } from '../../platform/errors.js'

/** One partition a plan acts on. `tier`: where it is now (the lake, or the archive). */
export interface PlannedPartition {
  readonly dataset: string
  readonly dt: string
  readonly tier: 'lake' | 'archive'
  readonly rows: number
  readonly bytes: number
}

/** What retention would do to one dataset. */
export interface DatasetRetentionPlan {
  readonly dataset: string
  /** Lake partitions to move to the archive. */
  readonly archive: readonly PlannedPartition[]
  /** Partitions to delete, from the archive or (with no archive step, or past purge age) the lake. */
  readonly purge: readonly PlannedPartition[]
  readonly archiveBefore: string | null
  readonly purgeBefore: string | null
}

/** What retention would do, per dataset; nothing is changed by making it. */
export interface RetentionPlan {
  readonly today: string
  readonly datasets: readonly DatasetRetentionPlan[]
  readonly totals: {
    readonly archive: number
    readonly purge: number
    readonly rows: number
    readonly bytes: number
  }
}

/** Where retention works and by which rules. */
export interface RetentionOptions {
  /** The lake's writer (its one writer: retention deletes lake partitions through it). */
  readonly writer: LakeWriter
  /** Where archived partitions go (and retention's own journal, `_retention/`). */
  readonly archiveRoot: string
  /** Per dataset; `defaultRetentionPolicies` when left out. */
  readonly policies?: RetentionPolicies
  /** The UTC day ages are counted from (YYYY-MM-DD); today by default. */
  readonly today?: string
}

const dayMs = 86_400_000

/** The day `n` days before `day`. */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * dayMs).toISOString().slice(0, 10)
}

/** Validated policies and today. */
export function retentionInput(options: RetentionOptions): {
  policies: RetentionPolicies
  today: string
} {
  const policies = retentionPoliciesSchema.safeParse(options.policies ?? defaultRetentionPolicies)
  const today = lakeDate.safeParse(options.today ?? new Date().toISOString().slice(0, 10))
  if (!policies.success || !today.success) {
    const issues = [...(policies.error?.issues ?? []), ...(today.error?.issues ?? [])]
    throw retentionErrors.invalidInput(describeIssues({ issues }, 'today'))
  }
  return { policies: policies.data, today: today.data }
}

/**
 * The dry run: lists what `applyRetention` would archive and purge today, with rows and bytes,
 * changing nothing. A partition is older than N days when its day is before today − N. A lake
 * partition past purge age is purged directly (archiving it only to delete it is pointless).
 */
export async function planRetention(options: RetentionOptions): Promise<RetentionPlan> {
  const { policies, today } = retentionInput(options)
  const datasets: DatasetRetentionPlan[] = []
  for (const [dataset, policy] of Object.entries(policies).sort(([a], [b]) => a.localeCompare(b))) {
    const archiveBefore =
      policy.archiveAfterDays === undefined ? null : daysBefore(today, policy.archiveAfterDays)
    const purgeBefore =
      policy.purgeAfterDays === undefined ? null : daysBefore(today, policy.purgeAfterDays)
    const archive: PlannedPartition[] = []
    const purge: PlannedPartition[] = []
    if (archiveBefore !== null || purgeBefore !== null) {
      for (const p of await options.writer.partitions(dataset)) {
        const planned = { dataset, dt: p.dt, tier: 'lake' as const, rows: p.rows, bytes: p.bytes }
        if (purgeBefore !== null && p.dt < purgeBefore) purge.push(planned)
        else if (archiveBefore !== null && p.dt < archiveBefore) archive.push(planned)
      }
    }
    if (purgeBefore !== null) {
      for (const m of await archivedPartitions(options.archiveRoot, dataset)) {
        if (m.dt < purgeBefore) {
          purge.push({ dataset, dt: m.dt, tier: 'archive', rows: m.rows, bytes: m.bytes })
        }
      }
    }
    datasets.push({ dataset, archive, purge, archiveBefore, purgeBefore })
  }
  const all = datasets.flatMap((d) => [...d.archive, ...d.purge])
  return {
    today,
    datasets,
    totals: {
      archive: datasets.reduce((n, d) => n + d.archive.length, 0),
      purge: datasets.reduce((n, d) => n + d.purge.length, 0),
      rows: all.reduce((n, p) => n + p.rows, 0),
      bytes: all.reduce((n, p) => n + p.bytes, 0),
    },
  }
}
