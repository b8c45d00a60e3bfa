import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import { cdcErrors } from './cdc-errors.js'
import { changeTimeText, timestampParam } from './cdc-time.js'

/** A row version already acknowledged by the sink: primary key (JSON) and change time. */
export interface DeliveredVersion {
  readonly rowKey: string
  readonly changeTime: string
}

/** What `reporting.cdc_checkpoint` and `reporting.cdc_delivered` hold for one source table. */
export interface StoredCheckpoint {
  readonly watermark: string | null
  readonly caughtUpTo: string | null
  readonly rowsDelivered: number
  readonly batchesDelivered: number
  /** 0 when nothing is stored yet. */
  readonly version: number
  readonly delivered: readonly DeliveredVersion[]
}

/** One checkpoint move: the new position, the versions just acknowledged, what to forget. */
export interface CheckpointUpdate {
  readonly previousVersion: number
  readonly watermark: string | null
  readonly caughtUpTo: string | null
  readonly rowsDelivered: number
  readonly batchesDelivered: number
  readonly added: readonly DeliveredVersion[]
  /** Delivered versions older than this are below the overlap window and are forgotten. */
  readonly forgetBefore: string | null
}

/** Reads the checkpoint of `source`/`table` (an empty one if none is stored). */
export async function loadCheckpoint(
  db: Db,
  source: string,
  table: string,
): Promise<StoredCheckpoint> {
  const { rows } = await sql<{
    watermark: string | null
    caught_up_to: string | null
    rows_delivered: number
    batches_delivered: number
    version: number
  }>`select ${changeTimeText(sql.ref('watermark'))} as watermark,
      ${changeTimeText(sql.ref('caught_up_to'))} as caught_up_to,
      rows_delivered, batches_delivered, version
    from reporting.cdc_checkpoint where source = ${source} and table_name = ${table}`.execute(db)
  const stored = rows[0]
  if (!stored) {
    return {
      watermark: null,
      caughtUpTo: null,
      rowsDelivered: 0,
      batchesDelivered: 0,
      version: 0,
      delivered: [],
    }
  }
  const delivered = await sql<{ row_key: string; change_time: string }>`
    select row_key, ${changeTimeText(sql.ref('change_time'))} as change_time
    from reporting.cdc_delivered
    where source = ${source} and table_name = ${table}`.execute(db)
  return {
    watermark: stored.watermark,
    caughtUpTo: stored.caught_up_to,
    rowsDelivered: stored.rows_delivered,
    batchesDelivered: stored.batches_delivered,
    version: stored.version,
    delivered: delivered.rows.map((r) => ({ rowKey: r.row_key, changeTime: r.change_time })),
  }
}

/**
 * Moves the checkpoint in one transaction, only from the version this connector last read:
 * a second connector on the same source fails with MOS-RPT-104 instead of interleaving.
 * Resolves to the new version.
 */
export async function saveCheckpoint(
  db: Db,
  source: string,
  table: string,
  update: CheckpointUpdate,
): Promise<number> {
  const version = update.previousVersion + 1
  const watermark = update.watermark === null ? null : timestampParam(update.watermark)
  const caughtUpTo = update.caughtUpTo === null ? null : timestampParam(update.caughtUpTo)
  await db.transaction().execute(async (trx) => {
    if (update.previousVersion === 0) {
      const inserted = await sql`
        insert into reporting.cdc_checkpoint (source, table_name, watermark, caught_up_to,
          rows_delivered, batches_delivered, version, updated_at)
        values (${source}, ${table}, ${watermark}, ${caughtUpTo}, ${update.rowsDelivered},
          ${update.batchesDelivered}, ${version}, localtimestamp)
        on conflict (source, table_name) do nothing`.execute(trx)
      if (inserted.numAffectedRows !== 1n) throw cdcErrors.checkpointConflict(source, table)
    } else {
      const updated = await sql`
        update reporting.cdc_checkpoint
        set watermark = ${watermark}, caught_up_to = ${caughtUpTo},
          rows_delivered = ${update.rowsDelivered},
          batches_delivered = ${update.batchesDelivered},
          version = ${version}, updated_at = localtimestamp
        where source = ${source} and table_name = ${table}
          and version = ${update.previousVersion}`.execute(trx)
      if (updated.numAffectedRows !== 1n) throw cdcErrors.checkpointConflict(source, table)
    }
    if (update.added.length > 0) {
      const values = update.added.map(
        (v) => sql`(${source}, ${table}, ${v.rowKey}, ${timestampParam(v.changeTime)})`,
      )
      await sql`
        insert into reporting.cdc_delivered (source, table_name, row_key, change_time)
        values ${sql.join(values)}
        on conflict do nothing`.execute(trx)
    }
    if (update.forgetBefore !== null) {
      await sql`
        delete from reporting.cdc_delivered
        where source = ${source} and table_name = ${table}
          and change_time < ${timestampParam(update.forgetBefore)}`.execute(trx)
    }
  })
  return version
}
