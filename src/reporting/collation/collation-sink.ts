import { ZodError } from 'zod'
import { describeIssues } from '../../platform/errors.js'
import type { CdcBatch, CdcChange, CdcSink } from '../cdc/watermark-connector.js'
import type { LakeRow } from '../lake/lake-dataset.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import { type CollatedTable, collatedTables, versionRow } from './collation-datasets.js'
import { collationErrors } from './collation-errors.js'

/** Options of `createCollationSink`. */
export interface CollationSinkOptions {
  readonly writer: LakeWriter
  /** The collated tables; `collatedTables` by default. */
  readonly tables?: readonly CollatedTable[]
}

/**
 * The CDC sink of collation: appends each batch's changes as row versions to the table's lake
 * dataset, one append per batch. It does not deduplicate: a batch delivered twice (CDC is at
 * least once) or an append that failed after writing some partitions and is retried leaves the
 * same versions in the lake twice, and readers go through `latestVersionsView`, which keys
 * versions by `change_key`. A batch of a table it does not collate is refused (the checkpoint
 * must not move past changes that were never stored).
 */
export function createCollationSink(options: CollationSinkOptions): CdcSink {
  const bySource = new Map((options.tables ?? collatedTables).map((t) => [t.source, t]))
  return async (batch: CdcBatch) => {
    const table = bySource.get(batch.table)
    if (table === undefined) throw collationErrors.unknownTable(batch.table)
    // A hard delete (logical replication sends only its key) is not kept: MOSIP deletes
    // softly (is_deleted), and watermark polling cannot see hard deletes either, so both
    // connectors give the lake the same content.
    const changes = batch.changes.filter((change) => !isHardDelete(table, change))
    if (changes.length === 0) return
    const rows: LakeRow[] = changes.map((change, index) => {
      try {
        return versionRow(table, change)
      } catch (error) {
        // zod's messages name paths and types, never the value.
        const detail =
          error instanceof ZodError ? describeIssues(error, 'row') : 'unreadable change'
        throw collationErrors.invalidChange(batch.table, index, detail)
      }
    })
    await options.writer.append(table.dataset, rows)
  }
}

function isHardDelete(table: CollatedTable, change: CdcChange): boolean {
  return change.deleted && Object.keys(change.row).every((c) => table.primaryKey.includes(c))
}
