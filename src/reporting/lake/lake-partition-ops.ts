import { mkdir, rm } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { LakeDataset, LakeRow } from './lake-dataset.js'
import { lakeErrors } from './lake-errors.js'
import {
  commitSupersedingFile,
  detachPartition,
  fileSizes,
  listPartitions,
  liveFiles,
  partitionDir,
  publish,
  recoverPartition,
  sqlString,
  tempName,
} from './lake-files.js'
import {
  copyOptions,
  countParquetRows,
  describeLakeError,
  pathList,
  writeParquetRows,
  type ParquetCompression,
} from './parquet-batch.js'

/** What the writer's partition operations work with (its DuckDB, root and settings). */
export interface PartitionOpsContext {
  readonly connection: DuckDBConnection
  readonly root: string
  readonly compression: ParquetCompression
  /** A fresh scratch table name. */
  nextTable(): string
}

/** One partition of a dataset as it stands: live files, rows and bytes. */
export interface LakePartitionStats {
  readonly dt: string
  /** Live file names in the partition directory. */
  readonly files: readonly string[]
  readonly rows: number
  readonly bytes: number
}

/** What `replacePartition` did; `output` is null when the partition is now empty (removed). */
export interface LakeReplaceResult {
  readonly dataset: string
  readonly dt: string
  readonly replaced: readonly string[]
  readonly output: string | null
  readonly rows: number
}

/** What `exportPartition` wrote. */
export interface LakeExportResult {
  /** The live files that were read (pass them to `dropPartition` as `expectedFiles`). */
  readonly files: readonly string[]
  readonly rows: number
  readonly bytes: number
}

/** The live files, rows and bytes of one partition; null when it has no live file. */
export async function onePartitionStats(
  ctx: PartitionOpsContext,
  dataset: string,
  dt: string,
): Promise<LakePartitionStats | null> {
  const dir = partitionDir(ctx.root, dataset, dt)
  const files = await liveFiles(dir)
  if (files.length === 0) return null
  const sizes = await fileSizes(dir, files)
  const rows = await countParquetRows(ctx.connection, pathList(files.map((f) => join(dir, f))))
  return { dt, files, rows, bytes: sizes.reduce((a, b) => a + b, 0) }
}

/** The live files, rows and bytes of every partition of `dataset`, in dt order. */
export async function partitionStats(
  ctx: PartitionOpsContext,
  dataset: string,
): Promise<LakePartitionStats[]> {
  const stats: LakePartitionStats[] = []
  for (const dt of await listPartitions(ctx.root, dataset)) {
    const one = await onePartitionStats(ctx, dataset, dt)
    if (one !== null) stats.push(one)
  }
  return stats
}

/**
 * Replaces a partition's contents with `rows` (validated) as one compaction does: the new file
 * is written and checked, a journal names it and every live file as its inputs, the rename of
 * the new file commits, and the old files go. A reader sees the old rows or the new ones, and
 * after a crash recovery leaves one or the other. No rows: the partition is detached whole.
 */
export async function replacePartitionRows(
  ctx: PartitionOpsContext,
  dataset: LakeDataset,
  dt: string,
  rows: readonly LakeRow[],
): Promise<LakeReplaceResult> {
  const dir = partitionDir(ctx.root, dataset.name, dt)
  await recoverPartition(dir)
  const inputs = await liveFiles(dir)
  if (rows.length === 0) {
    await dropPartitionDir(ctx.root, dataset.name, dt, inputs)
    return { dataset: dataset.name, dt, replaced: inputs, output: null, rows: 0 }
  }
  // The rename inside is the commit point: from then the new file is the partition.
  const { output } = await commitSupersedingFile(
    dir,
    inputs,
    async (temp) => {
      await writeParquetRows(ctx.connection, ctx.nextTable(), dataset, rows, temp, ctx.compression)
      return rows.length
    },
    (error) =>
      lakeErrors.storageFailed('replace', `${dataset.name} dt=${dt}: ${describeLakeError(error)}`),
  )
  return { dataset: dataset.name, dt, replaced: inputs, output, rows: rows.length }
}

/**
 * Copies a partition's live rows into one Parquet file at `target` (outside the lake, e.g. an
 * archive), written under a hidden temporary name, checked (row count) and renamed into place.
 */
export async function exportPartitionFile(
  ctx: PartitionOpsContext,
  dataset: string,
  dt: string,
  target: string,
  compression: ParquetCompression,
): Promise<LakeExportResult> {
  const dir = partitionDir(ctx.root, dataset, dt)
  await recoverPartition(dir)
  const files = await liveFiles(dir)
  if (files.length === 0) {
    throw lakeErrors.invalidArgument(`${dataset} dt=${dt} has no files to export`)
  }
  const list = pathList(files.map((f) => join(dir, f)))
  const targetDir = dirname(target)
  const name = basename(target)
  const temp = join(targetDir, tempName(name))
  try {
    const rows = await countParquetRows(ctx.connection, list)
    await mkdir(targetDir, { recursive: true })
    await rm(temp, { force: true })
    await ctx.connection.run(
      `COPY (SELECT * FROM read_parquet(${list}, hive_partitioning = false))
       TO ${sqlString(temp)} ${copyOptions(compression)}`,
    )
    const written = await countParquetRows(ctx.connection, pathList([temp]))
    if (written !== rows) throw new Error(`exported file has ${written} rows, partition ${rows}`)
    await publish(targetDir, name)
    const [bytes = 0] = await fileSizes(targetDir, [name])
    return { files, rows, bytes }
  } catch (error) {
    await rm(temp, { force: true })
    throw lakeErrors.storageFailed('export', `${dataset} dt=${dt}: ${describeLakeError(error)}`)
  }
}

/**
 * Deletes a partition: its directory is renamed to a hidden name in one step (readers see all
 * of it or none), then removed. With `expectedFiles`, refuses (MOS-LAKE-007) if the live files
 * are not exactly those, so rows written since they were copied elsewhere are never lost.
 * Returns the live files it deleted (none if the partition did not exist).
 */
export async function dropPartitionDir(
  root: string,
  dataset: string,
  dt: string,
  expectedFiles?: readonly string[],
): Promise<string[]> {
  const dir = partitionDir(root, dataset, dt)
  await recoverPartition(dir)
  const files = await liveFiles(dir)
  if (expectedFiles !== undefined) {
    const expected = [...expectedFiles].sort()
    if (expected.length !== files.length || expected.some((f, i) => f !== files[i])) {
      throw lakeErrors.partitionChanged(`${dataset} dt=${dt}`)
    }
  }
  const hidden = await detachPartition(root, dataset, dt)
  if (hidden !== null) await rm(hidden, { recursive: true, force: true })
  return files
}
