import { join, resolve, sep } from 'node:path'
import {
  DuckDBTypeId,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBValue,
  type JS,
} from '@duckdb/node-api'
import { partitionColumn, type LakeDataset } from './lake-dataset.js'
import { DuckDbSession } from './duckdb-session.js'
import { describeDuckDbError, lakeErrors } from './lake-errors.js'
import {
  assertPlainRoot,
  listPartitions,
  archiveDataFiles,
  liveFiles,
  partitionDir,
  sqlIdentifier,
  sqlString,
} from './lake-files.js'
import { AppError } from '../../platform/errors.js'

/** A query parameter; DuckDB binds a JS string as VARCHAR, so write `$d::DATE` for dates. */
export type LakeParam = string | number | boolean | bigint | null

/** Query parameters: named (`$name`) or positional (`?`, `$1`). */
export type LakeParams = Readonly<Record<string, LakeParam>> | readonly LakeParam[]

/** A value in a result row: plain JSON-friendly JS (see `LakeReader.query`). */
export type LakeValue =
  string | number | boolean | null | Uint8Array | LakeValue[] | { [key: string]: LakeValue }

/** One result row, keyed by column name. */
export type LakeResultRow = Record<string, LakeValue>

/** How a LakeReader is opened. */
export interface LakeReaderOptions {
  /** The lake's root directory (it may not exist yet: every dataset then reads empty). */
  readonly root: string
  /** The datasets to expose, each as a view of its name. */
  readonly datasets: readonly LakeDataset[]
  /**
   * An archive in the same layout (`<archiveRoot>/<dataset>/dt=…/*.parquet`, as retention
   * writes it): a partition found there and not in the lake is read from there, so archived
   * days still answer. DuckDB may read it too.
   */
  readonly archiveRoot?: string
  /** DuckDB's `threads` and `memory_limit` (e.g. '1GB'); DuckDB's defaults otherwise. */
  readonly threads?: number
  readonly memoryLimit?: string
}

/** How many times a query is re-planned when a file vanished under it (a compaction). */
const attempts = 3

/**
 * Reads the lake with an in-memory DuckDB confined to the lake root. Each dataset is a view
 * of its name with its columns and `dt` (a DATE from the `dt=` directory), so a filter on dt
 * prunes whole partitions. Queries run one at a time on one connection.
 */
export class LakeReader {
  private constructor(
    /** The absolute lake root. */
    readonly root: string,
    private readonly datasets: readonly LakeDataset[],
    private readonly session: DuckDbSession,
    private readonly archiveRoot: string | null,
  ) {}

  private get connection(): DuckDBConnection {
    return this.session.connection
  }

  /** Opens a reader. DuckDB may then read and write only under the root, not elsewhere. */
  static async open(options: LakeReaderOptions): Promise<LakeReader> {
    const root = resolve(options.root)
    if (!assertPlainRoot(root)) throw lakeErrors.invalidArgument('lake root has glob characters')
    const archiveRoot = options.archiveRoot === undefined ? null : resolve(options.archiveRoot)
    if (archiveRoot !== null && !assertPlainRoot(archiveRoot)) {
      throw lakeErrors.invalidArgument('archive root has glob characters')
    }
    const allowed = [root, ...(archiveRoot === null ? [] : [archiveRoot])]
    const names = options.datasets.map((d) => d.name)
    if (new Set(names).size !== names.length) {
      throw lakeErrors.invalidArgument('two datasets share a name')
    }
    const config: Record<string, string> = {}
    if (options.threads !== undefined) config['threads'] = String(options.threads)
    if (options.memoryLimit !== undefined) config['memory_limit'] = options.memoryLimit
    const session = await DuckDbSession.open('reader', config, async (connection) => {
      await connection.run(
        `SET allowed_directories = [${allowed.map((dir) => sqlString(dir + sep)).join(', ')}]`,
      )
      await connection.run('SET enable_external_access = false')
      await connection.run('SET lock_configuration = true')
    }).catch((error: unknown) => {
      throw lakeErrors.storageFailed('reader open', describeDuckDbError(error))
    })
    return new LakeReader(root, options.datasets, session, archiveRoot)
  }

  /**
   * Runs one SQL statement over the dataset views and returns its rows as plain objects:
   * integers (BIGINT, HUGEINT, COUNT(*)…) as numbers (an error if beyond 2^53, cast in SQL),
   * DECIMAL as number, DATE as 'YYYY-MM-DD', TIMESTAMP as ISO-8601 UTC with Z (milliseconds),
   * nested dates likewise as ISO strings, BLOB as Uint8Array. Params are `$name` or `?`.
   */
  query(sql: string, params?: LakeParams): Promise<LakeResultRow[]> {
    return this.session.serial(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.refreshViews()
          return toRows(await this.connection.runAndReadAll(sql, bindValues(params)))
        } catch (error) {
          if (error instanceof AppError) throw error
          const message = error instanceof Error ? error.message : ''
          if (attempt < attempts && /No files found|No such file|Cannot open file/.test(message)) {
            continue
          }
          throw lakeErrors.queryFailed(describeDuckDbError(error))
        }
      }
    })
  }

  /** The live data files of a dataset, relative to the root (what its view reads). */
  async files(dataset: string): Promise<string[]> {
    const found: string[] = []
    for (const dt of await listPartitions(this.root, dataset)) {
      for (const name of await liveFiles(partitionDir(this.root, dataset, dt))) {
        found.push(`${dataset}/dt=${dt}/${name}`)
      }
    }
    return found
  }

  /**
   * Absolute paths of the archive's data files for partitions the lake no longer has. Read after
   * the lake's listing: a partition dropped in between is then found here (or, if its hot files
   * vanish under the query, the query is re-planned).
   */
  private async archivedFiles(dataset: string): Promise<string[]> {
    if (this.archiveRoot === null) return []
    const hot = new Set(await listPartitions(this.root, dataset))
    const found: string[] = []
    for (const dt of await listPartitions(this.archiveRoot, dataset)) {
      if (hot.has(dt)) continue
      const dir = partitionDir(this.archiveRoot, dataset, dt)
      for (const name of await archiveDataFiles(dir)) found.push(join(dir, name))
    }
    return found
  }

  /** Waits for a pending query, then releases DuckDB. Later calls fail. */
  close(): Promise<void> {
    return this.session.close()
  }

  /**
   * Points each view at the files live now. The list is explicit, not a glob: a glob would
   * also match inputs a committed compaction superseded, and DuckDB fails on a glob that
   * matches nothing (an empty dataset reads as a typed empty view instead).
   */
  private async refreshViews(): Promise<void> {
    for (const dataset of this.datasets) {
      const files = [
        ...(await this.files(dataset.name)).map((f) => join(this.root, f)),
        ...(await this.archivedFiles(dataset.name)),
      ]
      const columns = dataset.columns.map((c) => sqlIdentifier(c.name))
      const dt = sqlIdentifier(partitionColumn)
      const body =
        files.length === 0
          ? `SELECT ${dataset.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${sqlIdentifier(c.name)}`).join(', ')}, CAST(NULL AS DATE) AS ${dt} WHERE false`
          : `SELECT ${columns.join(', ')}, ${dt} FROM read_parquet([${files.map(sqlString).join(', ')}],
             hive_partitioning = true, hive_types = {'${partitionColumn}': DATE})`
      await this.connection.run(
        `CREATE OR REPLACE TEMP VIEW ${sqlIdentifier(dataset.name)} AS ${body}`,
      )
    }
  }
}

function isList(params: LakeParams): params is readonly LakeParam[] {
  return Array.isArray(params)
}

function bindValues(
  params: LakeParams | undefined,
): DuckDBValue[] | Record<string, DuckDBValue> | undefined {
  if (params === undefined) return undefined
  return isList(params) ? [...params] : { ...params }
}

function toRows(reader: DuckDBResultReader): LakeResultRow[] {
  const names = reader.columnNames()
  const isDate = reader.columnTypes().map((t) => t.typeId === DuckDBTypeId.DATE)
  return reader.getRowsJS().map((values) => {
    const row: LakeResultRow = {}
    values.forEach((value, i) => {
      row[names[i] ?? `column${i}`] = toLakeValue(value, isDate[i] === true)
    })
    return row
  })
}

function toLakeValue(value: JS, isDate: boolean): LakeValue {
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'bigint') return value
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw lakeErrors.queryFailed('an integer result exceeds 2^53; cast it in SQL')
    }
    return Number(value)
  }
  if (value instanceof Date) return isDate ? value.toISOString().slice(0, 10) : value.toISOString()
  if (value instanceof Uint8Array) return value
  if (Array.isArray(value)) return value.map((v) => toLakeValue(v, false))
  const object: { [key: string]: LakeValue } = {}
  for (const [key, v] of Object.entries(value)) object[key] = toLakeValue(v, false)
  return object
}
