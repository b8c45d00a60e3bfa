import { type Kysely, sql } from 'kysely'
import type { Lease } from './lease.js'

/**
 * A lease kept in `bus.lease`. Expiry is judged by the database clock, so the processes'
 * clocks do not matter. Writes that need the lease fence on it (see consumer-cursor.repository).
 */
export function createDbLease(
  db: Kysely<object>,
  name: string,
  holder: string,
  ttlSeconds: number,
): Lease {
  return {
    name,
    holder,
    async tryAcquire() {
      const { rows } = await sql<{ holder: string }>`
        insert into bus.lease (name, holder, expires_at)
        values (${name}, ${holder}, now() + make_interval(secs => ${ttlSeconds}::float8))
        on conflict (name) do update
          set holder = excluded.holder, expires_at = excluded.expires_at
          where bus.lease.holder = excluded.holder or bus.lease.expires_at < now()
        returning holder`.execute(db)
      return rows.length === 1
    },
    async renew() {
      const result = await sql`
        update bus.lease set expires_at = now() + make_interval(secs => ${ttlSeconds}::float8)
        where name = ${name} and holder = ${holder}`.execute(db)
      return Number(result.numAffectedRows ?? 0) === 1
    },
    async release() {
      await sql`delete from bus.lease where name = ${name} and holder = ${holder}`.execute(db)
    },
  }
}
