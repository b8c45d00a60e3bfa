import { sql } from 'kysely'
import type { Db } from '../platform/db/index.js'

/**
 * An index on (change time, primary key) for change data capture by watermark (the reporting
 * module reads each captured table in that keyset order, a page at a time). Without it every
 * page would scan and sort the whole table. The change time is MOSIP's coalesce of update and
 * creation times, written exactly as the reader's query writes it so the planner matches it.
 */
export async function createChangeCaptureIndex(
  db: Db,
  table: string,
  changeTime: readonly string[],
  primaryKey: readonly string[],
): Promise<void> {
  const name = `idx_${table.split('.')[1]}_change_capture`
  const time =
    changeTime.length === 1
      ? sql.ref(changeTime[0] ?? '')
      : sql`(coalesce(${sql.join(changeTime.map((c) => sql.ref(c)))}))`
  await sql`create index ${sql.raw(name)} on ${sql.table(table)}
    (${time}, ${sql.join(primaryKey.map((c) => sql.ref(c)))})`.execute(db)
}
