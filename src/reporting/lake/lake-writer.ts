import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  dateValue,
  timestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api'
import {
  lakeDate,
  partitionColumn,
  validateLakeRows,
  type LakeColumn,
  type LakeDataset,
  type LakeRow,
} from './lake-dataset.js'
import { DuckDbSession } from './duckdb-session.js'
import { describeDuckDbError, lakeErrors } from './lake-errors.js'
import {
  assertPlainRoot,
  dataFileName,
  liveFiles,
  newFileId,
  partitionDir,
  publish,
  recoverLake,
  recoverPartition,
  sqlIdentifier,
  sqlString,
  tempName,
  writeJournal,
  type RecoveryResult,
} from './lake-files.js'

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

const dayMs = 86_400_000

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
        await this.writeParquet(dataset, group, join(dir, tempName(name)))
        await publish(dir, name)
      } catch (error) {
        await rm(join(dir, tempName(name)), { force: true })
        const written = partitions.map((p) => p.dt).join(', ') || 'none'
        throw lakeErrors.storageFailed(
          'append',
          `${dataset.name} dt=${dt}: ${describe(error)} (partitions already written: ${written})`,
        )
      }
      partitions.push({ dt, rows: group.length, file: `${dataset.name}/dt=${dt}/${name}` })
    }
    return { dataset: dataset.name, rows: rows.length, partitions }
  }

  /** Loads rows into a scratch table with DuckDB's appender, then COPYs it to `path`. */
  private async writeParquet(dataset: LakeDataset, rows: LakeRow[], path: string): Promise<void> {
    const table = `lake_batch_${++this.batches}`
    const columns = dataset.columns
      .map((c) => `${sqlIdentifier(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)
      .join(', ')
    await this.connection.run(`CREATE TABLE ${table} (${columns})`)
    try {
      const appender = await this.connection.createAppender(table)
      try {
        for (const row of rows) {
          for (const column of dataset.columns) appendValue(appender, column, row[column.name])
          appender.endRow()
        }
        appender.flushSync()
      } finally {
        appender.closeSync()
      }
      await this.connection.run(
        `COPY ${table} TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${this.compression})`,
      )
    } finally {
      await this.connection.run(`DROP TABLE IF EXISTS ${table}`)
    }
  }

  private async compactPartition(dataset: LakeDataset, dt: string): Promise<LakeCompactResult> {
    const dir = partitionDir(this.root, dataset.name, dt)
    await recoverPartition(dir)
    const inputs = await liveFiles(dir)
    if (inputs.length < 2) return { dataset: dataset.name, dt, inputs, output: null, rows: 0 }
    const output = dataFileName(newFileId())
    const temp = join(dir, tempName(output))
    const list = `[${inputs.map((name) => sqlString(join(dir, name))).join(', ')}]`
    let rows: number
    try {
      rows = await this.countRows(list)
      await this.connection.run(
        `COPY (SELECT * FROM read_parquet(${list}, hive_partitioning = false)) TO ${sqlString(temp)}
         (FORMAT parquet, COMPRESSION ${this.compression})`,
      )
      const written = await this.countRows(`[${sqlString(temp)}]`)
      if (written !== rows) throw new Error(`merged file has ${written} rows, inputs ${rows}`)
      await writeJournal(dir, { output, inputs, rows })
    } catch (error) {
      await rm(temp, { force: true })
      throw lakeErrors.storageFailed('compaction', `${dataset.name} dt=${dt}: ${describe(error)}`)
    }
    // The commit point: from here the merged file is the data and the inputs are superseded.
    await publish(dir, output)
    await recoverPartition(dir)
    return { dataset: dataset.name, dt, inputs, output, rows }
  }

  private async countRows(list: string): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT CAST(coalesce(sum(num_rows), 0) AS DOUBLE) AS n FROM parquet_file_metadata(${list})`,
    )
    return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0)
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && /^[A-Za-z ]+ Error:/.test(error.message)) {
    return describeDuckDbError(error)
  }
  // Node's file-system errors name a code and a path, never a value.
  return error instanceof Error ? error.message : 'unknown error'
}

/** Appends one validated value; validation guarantees the JS type matches the column. */
function appendValue(appender: DuckDBAppender, column: LakeColumn, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull()
  switch (column.type) {
    case 'VARCHAR':
      return appender.appendVarchar(value as string)
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean)
    case 'SMALLINT':
      return appender.appendSmallInt(value as number)
    case 'INTEGER':
      return appender.appendInteger(value as number)
    case 'BIGINT':
      return appender.appendBigInt(BigInt(value as number | bigint))
    case 'DOUBLE':
      return appender.appendDouble(value as number)
    case 'DATE':
      return appender.appendDate(dateValue(Date.parse(`${value as string}T00:00:00Z`) / dayMs))
    case 'TIMESTAMP': {
      const ms = value instanceof Date ? value.getTime() : Date.parse(value as string)
      return appender.appendTimestamp(timestampValue(BigInt(ms) * 1000n))
    }
  }
}
