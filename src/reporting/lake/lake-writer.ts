import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import {
  lakeDate,
  partitionColumn,
  validateLakeRows,
  type LakeDataset,
  type LakeRow,
} from './lake-dataset.js'
import { DuckDbSession } from './duckdb-session.js'
import { lakeErrors } from './lake-errors.js'
import {
  assertPlainRoot,
  commitSupersedingFile,
  dataFileName,
  liveFiles,
  newFileId,
  partitionDir,
  publish,
  recoverLake,
  recoverPartition,
  sqlString,
  tempName,
  type RecoveryResult,
} from './lake-files.js'
import {
  dropPartitionDir,
  exportPartitionFile,
  onePartitionStats,
  partitionStats,
  replacePartitionRows,
  type LakeExportResult,
  type LakePartitionStats,
  type LakeReplaceResult,
  type PartitionOpsContext,
} from './lake-partition-ops.js'
import {
  copyOptions,
  countParquetRows,
  describeLakeError,
  pathList,
  writeParquetRows,
  type ParquetCompression,
} from './parquet-batch.js'

/** How a LakeWriter is opened. */
export interface LakeWriterOptions {
  /** The lake's root directory; created if missing. */
  readonly root: string
  /** Parquet compression; zstd by default (every current engine reads it). */
  readonly compression?: 'zstd' | 'snappy'
}

/** One file an append wrote. */
export interface LakePartitionWrite {
  readonly dt: string
  readonly rows: number
  /** Path relative to the lake root, `/`-separated. */
  readonly file: string
}

/** What one append wrote: one file per partition the batch touched. */
export interface LakeAppendResult {
  readonly dataset: string
  readonly rows: number
  readonly partitions: readonly LakePartitionWrite[]
}

/** What one compaction did; `output` is null when there was nothing to merge. */
export interface LakeCompactResult {
  readonly dataset: string
  readonly dt: string
  readonly inputs: readonly string[]
  readonly output: string | null
  readonly rows: number
}

/**
 * Writes the lake: each `append` is one micro-batch turned into one Parquet file per
 * partition, and `compact` merges a partition's files into one. Calls run one at a time.
 * One writer per lake root (recovery on open assumes no other writer is mid-operation).
 */
export class LakeWriter {
  private batches = 0

  private constructor(
    /** The absolute lake root. */
    readonly root: string,
    private readonly session: DuckDbSession,
    private readonly compression: 'zstd' | 'snappy',
  ) {}

  private get connection(): DuckDBConnection {
    return this.session.connection
  }

  private get ops(): PartitionOpsContext {
    return {
      connection: this.connection,
      root: this.root,
      compression: { codec: this.compression },
      nextTable: () => `lake_batch_${++this.batches}`,
    }
  }

  /** Opens a writer: creates the root, finishes what a crash interrupted, starts DuckDB. */
  static async open(options: LakeWriterOptions): Promise<LakeWriter> {
    const root = resolve(options.root)
    if (!assertPlainRoot(root)) throw lakeErrors.invalidArgument('lake root has glob characters')
    await mkdir(root, { recursive: true })
    await recoverLake(root)
    const session = await DuckDbSession.open('writer')
    return new LakeWriter(root, session, options.compression ?? 'zstd')
  }

  /**
   * Validates every row, then writes one file per partition, each atomically. Nothing is
   * written if any row is invalid. A batch spanning several partitions is not atomic as a
   * whole: if a write fails, the partitions before it are written (and complete).
   */
  async append(dataset: LakeDataset, rows: readonly LakeRow[]): Promise<LakeAppendResult> {
    const valid = validateLakeRows(dataset, rows)
    return this.session.serial(() => this.appendValid(dataset, valid))
  }

  /**
   * Merges the live files of one partition into one. The merged file is written and checked
   * (same row count), a journal naming it and its inputs is written, the merged file is
   * renamed into place (the commit), then the inputs and the journal are deleted. After a
   * crash, the next `open`, `recover` or `compact` finishes or abandons it.
   */
  async compact(dataset: LakeDataset, dt: string): Promise<LakeCompactResult> {
    if (!lakeDate.safeParse(dt).success) throw lakeErrors.invalidArgument('dt must be YYYY-MM-DD')
    return this.session.serial(() => this.compactPartition(dataset, dt))
  }

  /**
   * Replaces a partition's rows atomically (for derived datasets such as rollups): readers see
   * the old rows or the new ones, never a mix, and a crash leaves one or the other. Rows are
   * validated first and must all carry this `dt`; no rows deletes the partition.
   */
  async replacePartition(
    dataset: LakeDataset,
    dt: string,
    rows: readonly LakeRow[],
  ): Promise<LakeReplaceResult> {
    if (!lakeDate.safeParse(dt).success) throw lakeErrors.invalidArgument('dt must be YYYY-MM-DD')
    const valid = validateLakeRows(dataset, rows)
    if (valid.some((row) => row[partitionColumn] !== dt)) {
      throw lakeErrors.invalidArgument(`every row of a replaced partition must have dt ${dt}`)
    }
    return this.session.serial(() => replacePartitionRows(this.ops, dataset, dt, valid))
  }

  /** Every partition of a dataset with live files: its files, rows and bytes, in dt order. */
  partitions(dataset: string): Promise<LakePartitionStats[]> {
    return this.session.serial(() => partitionStats(this.ops, dataset))
  }

  /** One partition's live files, rows and bytes; null when it has none. */
  partition(dataset: string, dt: string): Promise<LakePartitionStats | null> {
    if (!lakeDate.safeParse(dt).success) throw lakeErrors.invalidArgument('dt must be YYYY-MM-DD')
    return this.session.serial(() => onePartitionStats(this.ops, dataset, dt))
  }

  /**
   * Copies one partition into a single Parquet file at `target` (an absolute path outside the
   * lake, e.g. an archive), atomically and checked; `compression` defaults to zstd level 19.
   */
  exportPartition(
    dataset: string,
    dt: string,
    target: string,
    compression: ParquetCompression = { codec: 'zstd', level: 19 },
  ): Promise<LakeExportResult> {
    if (!lakeDate.safeParse(dt).success) throw lakeErrors.invalidArgument('dt must be YYYY-MM-DD')
    return this.session.serial(() =>
      exportPartitionFile(this.ops, dataset, dt, resolve(target), compression),
    )
  }

  /**
   * Deletes a partition in one step for readers (see `dropPartitionDir`); with `expectedFiles`
   * it refuses if the partition's live files changed. Returns the files deleted.
   */
  dropPartition(
    dataset: string,
    dt: string,
    options: { readonly expectedFiles?: readonly string[] } = {},
  ): Promise<string[]> {
    if (!lakeDate.safeParse(dt).success) throw lakeErrors.invalidArgument('dt must be YYYY-MM-DD')
    return this.session.serial(() =>
      dropPartitionDir(this.root, dataset, dt, options.expectedFiles),
    )
  }

  /** Finishes or abandons interrupted compactions and removes temporary files everywhere. */
  recover(): Promise<RecoveryResult> {
    return this.session.serial(() => recoverLake(this.root))
  }

  /** Waits for pending calls, then releases DuckDB. Later calls fail. */
  close(): Promise<void> {
    return this.session.close()
  }

  private async appendValid(dataset: LakeDataset, rows: LakeRow[]): Promise<LakeAppendResult> {
    const byPartition = new Map<string, LakeRow[]>()
    for (const row of rows) {
      const dt = row[partitionColumn] as string
      const group = byPartition.get(dt)
      if (group === undefined) byPartition.set(dt, [row])
      else group.push(row)
    }
    const partitions: LakePartitionWrite[] = []
    for (const [dt, group] of [...byPartition].sort(([a], [b]) => a.localeCompare(b))) {
      const dir = partitionDir(this.root, dataset.name, dt)
      const name = dataFileName(newFileId())
      try {
        await mkdir(dir, { recursive: true })
        await writeParquetRows(
          this.connection,
          `lake_batch_${++this.batches}`,
          dataset,
          group,
          join(dir, tempName(name)),
          { codec: this.compression },
        )
        await publish(dir, name)
      } catch (error) {
        await rm(join(dir, tempName(name)), { force: true })
        const written = partitions.map((p) => p.dt).join(', ') || 'none'
        throw lakeErrors.storageFailed(
          'append',
          `${dataset.name} dt=${dt}: ${describeLakeError(error)} (partitions already written: ${written})`,
        )
      }
      partitions.push({ dt, rows: group.length, file: `${dataset.name}/dt=${dt}/${name}` })
    }
    return { dataset: dataset.name, rows: rows.length, partitions }
  }

  private async compactPartition(dataset: LakeDataset, dt: string): Promise<LakeCompactResult> {
    const dir = partitionDir(this.root, dataset.name, dt)
    await recoverPartition(dir)
    const inputs = await liveFiles(dir)
    if (inputs.length < 2) return { dataset: dataset.name, dt, inputs, output: null, rows: 0 }
    const list = `[${inputs.map((name) => sqlString(join(dir, name))).join(', ')}]`
    // The rename inside is the commit point: from then the merged file is the data.
    const { output, rows } = await commitSupersedingFile(
      dir,
      inputs,
      async (temp) => {
        const rows = await countParquetRows(this.connection, list)
        await this.connection.run(
          `COPY (SELECT * FROM read_parquet(${list}, hive_partitioning = false)) TO ${sqlString(temp)}
           ${copyOptions({ codec: this.compression })}`,
        )
        const written = await countParquetRows(this.connection, pathList([temp]))
        if (written !== rows) throw new Error(`merged file has ${written} rows, inputs ${rows}`)
        return rows
      },
      (error) =>
        lakeErrors.storageFailed(
          'compaction',
          `${dataset.name} dt=${dt}: ${describeLakeError(error)}`,
        ),
    )
    return { dataset: dataset.name, dt, inputs, output, rows }
  }
}
