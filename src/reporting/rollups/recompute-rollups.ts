import { z } from 'zod'
import { lakeDate, type LakeDataset, type LakeRow } from '../lake/lake-dataset.js'
import type { LakeReader } from '../lake/lake-reader.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import {
  registrationRollupDaily,
  registrationRollupHourly,
  uinRollupDaily,
} from './rollup-datasets.js'
import { rollupErrors } from './rollup-errors.js'
import { registrationRollupSql, uinRollupSql } from './rollup-queries.js'

const dayMs = 86_400_000

/** Which rollups to recompute: hourly, daily (registrations and UINs) or all three. */
export const rollupGranularitySchema = z.enum(['hour', 'day', 'all'])

/** `recomputeRollups`' range; validated with zod. */
export const recomputeRangeSchema = z
  .object({
    from: lakeDate,
    to: lakeDate,
    granularity: rollupGranularitySchema.default('all'),
    /** Days computed per query (bounds memory on long ranges). */
    chunkDays: z.number().int().min(1).max(366).default(31),
  })
  .refine((range) => range.from <= range.to, 'from is after to')

/** Input of `recomputeRollups`. */
export type RecomputeRange = z.input<typeof recomputeRangeSchema>

/** Progress of a recompute: days fully replaced so far, of `total`. */
export type RollupProgress = (done: number, total: number) => void | Promise<void>

/** Options of `recomputeRollups` besides the range. */
export interface RecomputeOptions {
  readonly onProgress?: RollupProgress
  /** Checked between days: a stopped run leaves whole days, old or new, never half of one. */
  readonly signal?: AbortSignal
}

/** What a recompute wrote. */
export interface RecomputeResult {
  readonly days: number
  /** Rows written per rollup dataset. */
  readonly rows: Readonly<Record<string, number>>
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += dayMs) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

interface RollupSpec {
  readonly dataset: LakeDataset
  readonly sql: string
}

function specsFor(granularity: z.infer<typeof rollupGranularitySchema>): RollupSpec[] {
  const hourly = { dataset: registrationRollupHourly, sql: registrationRollupSql('hour') }
  const daily = [
    { dataset: registrationRollupDaily, sql: registrationRollupSql('day') },
    { dataset: uinRollupDaily, sql: uinRollupSql() },
  ]
  if (granularity === 'hour') return [hourly]
  if (granularity === 'day') return daily
  return [hourly, ...daily]
}

/**
 * Recomputes the rollups of every day from `from` to `to` from the facts as they stand (rules
 * in rollup-queries.ts) and replaces each day's partition of each rollup atomically: a reader
 * sees a day's old rows or its new ones, and a crash leaves one or the other. Days with no
 * facts end with no partition. Running it twice gives the same rows; days outside the range
 * are not touched. `reader` must expose the collated datasets (`rollupSourceDatasetNames`).
 */
export async function recomputeRollups(
  reader: LakeReader,
  writer: LakeWriter,
  range: RecomputeRange,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const parsed = recomputeRangeSchema.safeParse(range)
  if (!parsed.success) {
    throw rollupErrors.invalidRange(parsed.error.issues.map((i) => i.message).join('; '))
  }
  const { from, to, granularity, chunkDays } = parsed.data
  const days = daysBetween(from, to)
  const specs = specsFor(granularity)
  const rows: Record<string, number> = Object.fromEntries(specs.map((s) => [s.dataset.name, 0]))
  let done = 0
  for (let start = 0; start < days.length; start += chunkDays) {
    const chunk = days.slice(start, start + chunkDays)
    const params = { from: chunk[0] ?? from, to: chunk.at(-1) ?? to }
    const byDataset = new Map<string, Map<string, LakeRow[]>>()
    for (const spec of specs) {
      byDataset.set(spec.dataset.name, groupByDay(await reader.query(spec.sql, params)))
    }
    for (const day of chunk) {
      if (options.signal?.aborted === true) throw rollupErrors.aborted(done, days.length)
      for (const spec of specs) {
        const dayRows = byDataset.get(spec.dataset.name)?.get(day) ?? []
        await writer.replacePartition(spec.dataset, day, dayRows)
        rows[spec.dataset.name] = (rows[spec.dataset.name] ?? 0) + dayRows.length
      }
      done++
      await options.onProgress?.(done, days.length)
    }
  }
  return { days: days.length, rows }
}

function groupByDay(rows: readonly LakeRow[]): Map<string, LakeRow[]> {
  const byDay = new Map<string, LakeRow[]>()
  for (const row of rows) {
    const dt = String(row['dt'])
    const group = byDay.get(dt)
    if (group === undefined) byDay.set(dt, [row])
    else group.push(row)
  }
  return byDay
}
