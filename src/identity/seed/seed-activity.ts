import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'

/** Whether a seed is loading now, and how many have completed in this database. */
export interface SeedActivity {
  /** A seed is writing (or was killed while writing): its indexes wait in seed.deferred_index. */
  readonly loading: boolean
  readonly completedRuns: number
}

/**
 * For change data capture by watermark: a seed writes history with change times far in the
 * past, behind any watermark already passed, so a capturing reader waits while it loads and
 * re-reads everything once a new run has completed.
 */
export async function seedActivity(db: Db): Promise<SeedActivity> {
  const { rows } = await sql<{ loading: boolean; runs: number }>`
    select exists (select 1 from seed.deferred_index) as loading,
      (select count(*)::int from seed.run) as runs`.execute(db)
  const row = rows[0]
  return { loading: row?.loading ?? false, completedRuns: row?.runs ?? 0 }
}
