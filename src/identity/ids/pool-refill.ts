import { type QueryExecutorProvider, sql } from 'kysely'
import { idsErrors } from './errors.js'
import type { RefillResult } from './pool-settings.js'

/** The two pools share one shape: a key column and a status column in schema `kernel`. */
export interface PoolTable {
  readonly kind: 'UIN' | 'VID'
  readonly table: 'uin' | 'vid'
  readonly key: 'uin' | 'vid'
  readonly status: 'uin_status' | 'vid_status'
  readonly fresh: 'UNUSED' | 'AVAILABLE'
}

export const uinTable: PoolTable = {
  kind: 'UIN',
  table: 'uin',
  key: 'uin',
  status: 'uin_status',
  fresh: 'UNUSED',
}
export const vidTable: PoolTable = {
  kind: 'VID',
  table: 'vid',
  key: 'vid',
  status: 'vid_status',
  fresh: 'AVAILABLE',
}

/** Rounds in a row that may add nothing before the space is declared used up. */
const stallRounds = 50

/**
 * Adds `count` new values from `generate` to a pool. Values the pool already holds are
 * skipped by the primary key (ON CONFLICT DO NOTHING), so several processes may refill at once.
 */
export async function refillPool(
  executor: QueryExecutorProvider,
  pool: PoolTable,
  generate: () => string,
  count: number,
  options: { chunk: number; by: string },
): Promise<RefillResult> {
  let inserted = 0
  let duplicates = 0
  let barren = 0
  const table = sql.table(`kernel.${pool.table}`)
  while (inserted < count) {
    const wanted = Math.min(options.chunk, count - inserted)
    const values = new Set<string>()
    while (values.size < wanted) values.add(generate())
    const result = await sql`
      insert into ${table} (${sql.ref(pool.key)}, ${sql.ref(pool.status)}, cr_by, cr_dtimes)
      select value, ${pool.fresh}, ${options.by}, ${new Date()}
      from unnest(${[...values]}::varchar[]) as value
      on conflict do nothing`.execute(executor)
    const added = Number(result.numAffectedRows ?? 0n)
    inserted += added
    duplicates += wanted - added
    barren = added === 0 ? barren + 1 : 0
    if (barren >= stallRounds) throw idsErrors.generationStalled(pool.kind, stallRounds * wanted)
  }
  return { inserted, duplicates }
}

/** How many values of the pool are ready to hand out. */
export async function countFresh(
  executor: QueryExecutorProvider,
  pool: PoolTable,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(`kernel.${pool.table}`)}
    where ${sql.ref(pool.status)} = ${pool.fresh} and is_deleted is not true`.execute(executor)
  return rows[0]?.n ?? 0
}
