import { type Kysely, sql } from 'kysely'

export interface PurgeOptions {
  /** Events published longer ago than this are removed... */
  readonly olderThanDays: number
  /** ...in chunks of this many rows, so a large purge does not hold long locks. */
  readonly chunkSize?: number
}

/**
 * Retention for the outbox backend: deletes events older than `olderThanDays` that every known
 * consumer (every row of `bus.consumer`) has passed. A consumer that no longer exists keeps
 * events until its row is deleted. Returns how many events were removed.
 */
export async function purgeOutboxEvents(
  db: Kysely<object>,
  options: PurgeOptions,
): Promise<number> {
  if (!(options.olderThanDays >= 0)) throw new RangeError('olderThanDays must be zero or more')
  const chunkSize = options.chunkSize ?? 10_000
  let total = 0
  for (;;) {
    const result = await sql`
      delete from bus.event where seq in (
        select e.seq from bus.event e
        where e.published_at < now() - make_interval(secs => ${options.olderThanDays * 86_400}::float8)
          and not exists (
            select 1 from bus.consumer c where (c.cursor_xid, c.cursor_seq) < (e.xid, e.seq)
          )
        limit ${chunkSize}
      )`.execute(db)
    const deleted = Number(result.numAffectedRows ?? 0)
    total += deleted
    if (deleted < chunkSize) return total
  }
}
