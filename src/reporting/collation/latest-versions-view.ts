import { z } from 'zod'
import { partitionColumn } from '../lake/lake-dataset.js'
import type { CollatedTable } from './collation-datasets.js'

/*
 * Why readers deduplicate instead of the writer writing exactly once: the lake cannot commit a
 * batch and a CDC checkpoint together (Parquet files on one side, the checkpoint in PostgreSQL
 * on the other), and an append that spans partitions is atomic per file only. Exactly-once
 * writes would need a transactional ledger of applied `change_key`s beside the lake, consulted
 * before every append and kept consistent with it through crashes: a second store to keep in
 * step, for a problem that is cheap to solve on read. Instead every version carries its
 * idempotency key, duplicates are harmless (identical rows), and every read goes through this
 * view, which picks one version per primary key whatever number of copies the lake holds.
 * Compaction may later drop the duplicates physically; readers stay correct either way.
 */

const asOfSchema = z.union([z.date(), z.iso.datetime()])

/** Options of `latestVersionsView`. */
export interface LatestVersionsOptions {
  /** Only versions with `change_time <= asOf` count (the state of the source at that instant). */
  readonly asOf?: Date | string
  /**
   * Keep keys whose latest version is a soft delete (with that version's values). For lookups
   * that must still resolve deleted rows: a decommissioned center keeps its name and zone, and a
   * registration's latest transaction still gives its stage.
   */
  readonly includeDeleted?: boolean
  /**
   * A DuckDB condition applied to versions before the latest is picked, so only the keys it
   * selects are deduplicated (far less work when a report needs a few keys). It must hold for
   * every version of a key or for none: test key columns or columns no update changes (a
   * registration's `center_id`, from its RID). Values go in as `$name` parameters.
   */
  readonly keysWhere?: string
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * DuckDB SQL (a SELECT, to use as a subquery or a CTE) giving the current rows of a collated
 * table: per primary key, its latest version (by change time, then `change_key`), left out if
 * that version is a (soft) delete (unless `includeDeleted`). Copies of one version are one.
 * With `asOf`, the rows as they were at that instant; partitions after its UTC day are not
 * read. Columns: the dataset's, including the version columns, without `dt`.
 */
export function latestVersionsView(
  table: CollatedTable,
  options: LatestVersionsOptions = {},
): string {
  const columns = table.dataset.columns.map((c) => quote(c.name)).join(', ')
  const key = table.primaryKey.map(quote).join(', ')
  const conditions: string[] = []
  if (options.asOf !== undefined) {
    const parsed = asOfSchema.parse(options.asOf)
    // A validated ISO instant, rendered by toISOString: safe to inline as a literal.
    const iso = (parsed instanceof Date ? parsed : new Date(parsed)).toISOString()
    conditions.push(`change_time <= TIMESTAMP '${iso.slice(0, 23).replace('T', ' ')}'
        AND ${quote(partitionColumn)} <= DATE '${iso.slice(0, 10)}'`)
  }
  if (options.keysWhere !== undefined) conditions.push(`(${options.keysWhere})`)
  const filter = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`
  return `SELECT ${columns} FROM (
      SELECT ${columns} FROM ${quote(table.dataset.name)} ${filter}
      QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY change_time DESC, change_key DESC) = 1
    ) AS latest${options.includeDeleted === true ? '' : ' WHERE NOT deleted'}`
}

/** DuckDB SQL of every distinct version of a collated table (the change log without copies). */
export function distinctVersionsView(table: CollatedTable): string {
  const columns = [...table.dataset.columns.map((c) => c.name), partitionColumn]
    .map(quote)
    .join(', ')
  return `SELECT ${columns} FROM ${quote(table.dataset.name)}
    QUALIFY row_number() OVER (PARTITION BY change_key) = 1`
}
