import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'

/** Reports each index rebuilt: (done, total). */
export type RebuildProgress = (done: number, total: number) => void

/**
 * Drops the plain secondary indexes of `tables` (not primary keys, unique indexes or any index a
 * constraint uses), runs `load`, and builds them again. Why: building an index once over the
 * loaded rows is far cheaper than millions of insertions into it, most of them on pages that
 * no longer fit in memory. The definitions wait in `seed.deferred_index` until rebuilt, so a
 * run killed half-way loses none: `rebuildDeferredIndexes` (called on every start of the seed
 * part and before every seed) builds what is left.
 */
export async function withIndexesDeferred<T>(
  db: Db,
  tables: readonly string[],
  load: () => Promise<T>,
  progress: RebuildProgress = () => {},
): Promise<T> {
  const { rows } = await sql<{ index_name: string; definition: string }>`
    select i.indexrelid::regclass::text as index_name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid = any (${tables.map((t) => t)}::text[]::regclass[])
      and not i.indisprimary and not i.indisunique
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 1`.execute(db)
  if (rows.length > 0)
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await sql`insert into seed.deferred_index (index_name, definition)
          values (${row.index_name}, ${row.definition})`.execute(trx)
        await sql`drop index ${sql.raw(row.index_name)}`.execute(trx)
      }
    })
  let loaded = false
  try {
    const result = await load()
    loaded = true
    return result
  } finally {
    const rebuilt = rebuildDeferredIndexes(db, progress)
    // A failed load's error is the one to report; a failed rebuild is retried at next start.
    if (loaded) await rebuilt
    else await rebuilt.catch(() => {})
  }
}

/** Builds every index a seed dropped and did not rebuild; returns how many it built. */
export async function rebuildDeferredIndexes(
  db: Db,
  progress: RebuildProgress = () => {},
): Promise<number> {
  const { rows } = await sql<{ index_name: string; definition: string }>`
    select index_name, definition from seed.deferred_index order by index_name`.execute(db)
  if (rows.length > 0) progress(0, rows.length)
  let done = 0
  for (const row of rows) {
    // One transaction: a rebuild killed half-way leaves neither the index nor a lost definition.
    await db.transaction().execute(async (trx) => {
      await sql.raw(row.definition).execute(trx)
      await sql`delete from seed.deferred_index where index_name = ${row.index_name}`.execute(trx)
    })
    progress(++done, rows.length)
  }
  return done
}
