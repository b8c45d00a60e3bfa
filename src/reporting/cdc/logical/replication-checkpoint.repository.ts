import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../../../platform/db/index.js'
import { changeTimeText, timestampParam } from '../cdc-time.js'
import { logicalErrors } from './logical-errors.js'
import type { Lsn } from './pgoutput-messages.js'

/** Per-table counters kept with the checkpoint (progress only; not used to resume). */
export interface TableCounters {
  rows: number
  batches: number
  /** Greatest change time delivered. */
  watermark: string | null
}

const tablesSchema = z.record(
  z.string(),
  z.object({ rows: z.number(), batches: z.number(), watermark: z.string().nullable() }),
)

/** Where a logical connector stands: what the sink acknowledged, by WAL position. */
export interface ReplicationCheckpoint {
  /** The initial copy of the existing rows completed. */
  readonly snapshotDone: boolean
  /** Commit LSN of the last transaction acknowledged in full (0 = none). */
  readonly ackedCommitLsn: Lsn
  /** Position confirmed to the slot; streaming resumes here. */
  readonly ackedEndLsn: Lsn
  /** A transaction acknowledged in part (its commit LSN) and how many of its changes. */
  readonly partial: { readonly commitLsn: Lsn; readonly changes: number } | null
  readonly caughtUpTo: string | null
  readonly rowsDelivered: number
  readonly batchesDelivered: number
  readonly tables: Readonly<Record<string, TableCounters>>
}

/** A stored checkpoint and its version (0 = nothing stored yet). */
export interface VersionedCheckpoint {
  readonly checkpoint: ReplicationCheckpoint
  readonly version: number
}

/** The checkpoint of a source that has never run. */
export const emptyCheckpoint: ReplicationCheckpoint = {
  snapshotDone: false,
  ackedCommitLsn: 0n,
  ackedEndLsn: 0n,
  partial: null,
  caughtUpTo: null,
  rowsDelivered: 0,
  batchesDelivered: 0,
  tables: {},
}

/** Reads `reporting.cdc_replication_checkpoint` of `source`. */
export async function loadReplicationCheckpoint(
  db: Db,
  source: string,
): Promise<VersionedCheckpoint> {
  const { rows } = await sql<{
    snapshot_done: boolean
    acked_commit_lsn: string
    acked_end_lsn: string
    partial_commit_lsn: string | null
    partial_changes: number
    caught_up_to: string | null
    rows_delivered: number
    batches_delivered: number
    tables: unknown
    version: number
  }>`select snapshot_done, acked_commit_lsn::text as acked_commit_lsn,
      acked_end_lsn::text as acked_end_lsn, partial_commit_lsn::text as partial_commit_lsn,
      partial_changes, ${changeTimeText(sql.ref('caught_up_to'))} as caught_up_to,
      rows_delivered, batches_delivered, tables, version
    from reporting.cdc_replication_checkpoint where source = ${source}`.execute(db)
  const row = rows[0]
  if (!row) return { checkpoint: emptyCheckpoint, version: 0 }
  const tables = typeof row.tables === 'string' ? JSON.parse(row.tables) : row.tables
  return {
    version: Number(row.version),
    checkpoint: {
      snapshotDone: row.snapshot_done,
      ackedCommitLsn: BigInt(row.acked_commit_lsn),
      ackedEndLsn: BigInt(row.acked_end_lsn),
      partial:
        row.partial_commit_lsn === null
          ? null
          : { commitLsn: BigInt(row.partial_commit_lsn), changes: row.partial_changes },
      caughtUpTo: row.caught_up_to,
      rowsDelivered: Number(row.rows_delivered),
      batchesDelivered: Number(row.batches_delivered),
      tables: tablesSchema.parse(tables),
    },
  }
}

/**
 * Stores `checkpoint` if the stored version is still `previousVersion` (else MOS-RPT-117: a
 * second connector on the same source). Resolves to the new version.
 */
export async function saveReplicationCheckpoint(
  db: Db,
  source: string,
  slot: string,
  previousVersion: number,
  checkpoint: ReplicationCheckpoint,
): Promise<number> {
  const version = previousVersion + 1
  const c = checkpoint
  const caughtUpTo = c.caughtUpTo === null ? null : timestampParam(c.caughtUpTo)
  const partialLsn = c.partial === null ? null : c.partial.commitLsn.toString()
  const tables = JSON.stringify(c.tables)
  const result =
    previousVersion === 0
      ? await sql`
        insert into reporting.cdc_replication_checkpoint (source, slot_name, snapshot_done,
          acked_commit_lsn, acked_end_lsn, partial_commit_lsn, partial_changes, caught_up_to,
          rows_delivered, batches_delivered, tables, version, updated_at)
        values (${source}, ${slot}, ${c.snapshotDone}, ${c.ackedCommitLsn.toString()},
          ${c.ackedEndLsn.toString()}, ${partialLsn}, ${c.partial?.changes ?? 0}, ${caughtUpTo},
          ${c.rowsDelivered}, ${c.batchesDelivered}, cast(${tables} as jsonb), ${version},
          localtimestamp)
        on conflict (source) do nothing`.execute(db)
      : await sql`
        update reporting.cdc_replication_checkpoint
        set slot_name = ${slot}, snapshot_done = ${c.snapshotDone},
          acked_commit_lsn = ${c.ackedCommitLsn.toString()},
          acked_end_lsn = ${c.ackedEndLsn.toString()}, partial_commit_lsn = ${partialLsn},
          partial_changes = ${c.partial?.changes ?? 0}, caught_up_to = ${caughtUpTo},
          rows_delivered = ${c.rowsDelivered}, batches_delivered = ${c.batchesDelivered},
          tables = cast(${tables} as jsonb), version = ${version}, updated_at = localtimestamp
        where source = ${source} and version = ${previousVersion}`.execute(db)
  if (result.numAffectedRows !== 1n) throw logicalErrors.checkpointConflict(source)
  return version
}
