import { type QueryExecutorProvider, sql } from 'kysely'
import { idsErrors } from './errors.js'
import type { VidRules, VidRulesInput } from './id-rules.js'
import { countFresh, refillPool, vidTable } from './pool-refill.js'
import { poolSettings, type PoolSettingsInput, type RefillResult } from './pool-settings.js'
import { generateVid } from './vid.js'

export interface VidPoolOptions {
  readonly by?: string
  readonly rules?: VidRulesInput | VidRules
  readonly pool?: PoolSettingsInput
}

/**
 * Hands out one AVAILABLE VID and marks it ASSIGNED with its expiry (none = perpetual), as
 * MOSIP's fetchVid does; FOR UPDATE SKIP LOCKED keeps concurrent callers apart. An empty pool is
 * refilled with one batch first.
 */
export async function allocateVid(
  executor: QueryExecutorProvider,
  options: VidPoolOptions & { expiresAt?: Date; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date()
  if (options.expiresAt && options.expiresAt.getTime() <= now.getTime()) {
    throw idsErrors.vidExpiryInPast()
  }
  const take = async () => {
    const { rows } = await sql<{ vid: string }>`
      update kernel.vid
      set vid_status = 'ASSIGNED', expiry_dtimes = ${options.expiresAt ?? null},
        upd_by = ${options.by ?? 'SYSTEM'}, upd_dtimes = ${now}
      where vid = (
        select vid from kernel.vid where vid_status = 'AVAILABLE' and is_deleted is not true
        limit 1 for update skip locked)
      returning vid`.execute(executor)
    return rows[0]?.vid
  }
  const taken = await take()
  if (taken) return taken
  await refillVidPool(executor, { ...options, count: poolSettings(options.pool).batch })
  const retried = await take()
  if (!retried) throw idsErrors.vidPoolEmpty()
  return retried
}

/** ASSIGNED → EXPIRED for every VID whose expiry has passed (MOSIP's VID expiry job); returns how many. */
export async function expireVids(
  executor: QueryExecutorProvider,
  now: Date = new Date(),
  by = 'SYSTEM',
): Promise<number> {
  const result = await sql`
    update kernel.vid set vid_status = 'EXPIRED', upd_by = ${by}, upd_dtimes = ${now}
    where vid_status = 'ASSIGNED' and expiry_dtimes <= ${now}`.execute(executor)
  return Number(result.numAffectedRows ?? 0n)
}

/** Number of AVAILABLE VIDs. */
export function countAvailableVids(executor: QueryExecutorProvider): Promise<number> {
  return countFresh(executor, vidTable)
}

/** Adds `count` (default: one batch) new VIDs that pass every rule and are not in the pool yet. */
export function refillVidPool(
  executor: QueryExecutorProvider,
  options: VidPoolOptions & { count?: number } = {},
): Promise<RefillResult> {
  const settings = poolSettings(options.pool)
  return refillPool(
    executor,
    vidTable,
    () => generateVid(options.rules),
    options.count ?? settings.batch,
    { chunk: settings.chunk, by: options.by ?? 'SYSTEM' },
  )
}

/** Refills with one batch when fewer than the threshold are AVAILABLE. */
export async function ensureVidPool(
  executor: QueryExecutorProvider,
  options: VidPoolOptions = {},
): Promise<RefillResult> {
  const settings = poolSettings(options.pool)
  if ((await countAvailableVids(executor)) >= settings.threshold)
    return { inserted: 0, duplicates: 0 }
  return refillVidPool(executor, { ...options, count: settings.batch })
}
