import { type QueryExecutorProvider, sql } from 'kysely'
import { idsErrors } from './errors.js'
import type { UinRules, UinRulesInput } from './id-rules.js'
import type { UinStatus } from './kernel.tables.js'
import { countFresh, refillPool, uinTable } from './pool-refill.js'
import { poolSettings, type PoolSettingsInput, type RefillResult } from './pool-settings.js'
import { generateUinCandidate } from './uin.js'

/** Who or what changes the pool (MOSIP's cr_by/upd_by), and the pool's rules and sizes. */
export interface UinPoolOptions {
  readonly by?: string
  readonly rules?: UinRulesInput | UinRules
  readonly pool?: PoolSettingsInput
}

/**
 * Hands out one UNUSED UIN and marks it ISSUED, as MOSIP's getUin does. Concurrent callers never
 * get the same UIN: the row is locked with FOR UPDATE SKIP LOCKED, so each takes a different one
 * without waiting. Confirm it with `markUinAssigned` once the identity is stored, or give it
 * back with `releaseUin`. An empty pool is refilled with one batch first.
 */
export async function allocateUin(
  executor: QueryExecutorProvider,
  options: UinPoolOptions = {},
): Promise<string> {
  const by = options.by ?? 'SYSTEM'
  const taken = await takeUnused(executor, by)
  if (taken) return taken
  await refillUinPool(executor, { ...options, count: poolSettings(options.pool).batch })
  const retried = await takeUnused(executor, by)
  if (!retried) throw idsErrors.uinPoolEmpty()
  return retried
}

async function takeUnused(
  executor: QueryExecutorProvider,
  by: string,
): Promise<string | undefined> {
  const { rows } = await sql<{ uin: string }>`
    update kernel.uin set uin_status = 'ISSUED', upd_by = ${by}, upd_dtimes = ${new Date()}
    where uin = (
      select uin from kernel.uin where uin_status = 'UNUSED' and is_deleted is not true
      limit 1 for update skip locked)
    returning uin`.execute(executor)
  return rows[0]?.uin
}

/** ISSUED → ASSIGNED: the UIN now belongs to an identity (MOSIP's ASSIGNED acknowledgement). */
export function markUinAssigned(
  executor: QueryExecutorProvider,
  uin: string,
  by = 'SYSTEM',
): Promise<void> {
  return moveIssued(executor, uin, 'ASSIGNED', by)
}

/** ISSUED → UNUSED: the UIN was not used and goes back to the pool (MOSIP's UNASSIGNED). */
export function releaseUin(
  executor: QueryExecutorProvider,
  uin: string,
  by = 'SYSTEM',
): Promise<void> {
  return moveIssued(executor, uin, 'UNUSED', by)
}

async function moveIssued(
  executor: QueryExecutorProvider,
  uin: string,
  to: UinStatus,
  by: string,
): Promise<void> {
  const { rows } = await sql<{ uin: string }>`
    update kernel.uin set uin_status = ${to}, upd_by = ${by}, upd_dtimes = ${new Date()}
    where uin = ${uin} and uin_status = 'ISSUED' returning uin`.execute(executor)
  if (rows.length > 0) return
  const { rows: found } = await sql<{ uin_status: string | null }>`
    select uin_status from kernel.uin where uin = ${uin}`.execute(executor)
  if (!found[0]) throw idsErrors.uinNotFound(uin)
  throw idsErrors.uinNotIssued(uin, found[0].uin_status ?? 'without status')
}

/** The status of a UIN in the pool, or undefined when the pool never held it. */
export async function uinStatus(
  executor: QueryExecutorProvider,
  uin: string,
): Promise<UinStatus | undefined> {
  const { rows } = await sql<{ uin_status: UinStatus }>`
    select uin_status from kernel.uin where uin = ${uin}`.execute(executor)
  return rows[0]?.uin_status
}

/** Number of UNUSED UINs. */
export function countUnusedUins(executor: QueryExecutorProvider): Promise<number> {
  return countFresh(executor, uinTable)
}

/** Adds `count` (default: one batch) new UINs that pass every rule and are not in the pool yet. */
export function refillUinPool(
  executor: QueryExecutorProvider,
  options: UinPoolOptions & { count?: number } = {},
): Promise<RefillResult> {
  const settings = poolSettings(options.pool)
  return refillPool(
    executor,
    uinTable,
    () => generateUinCandidate(options.rules),
    options.count ?? settings.batch,
    { chunk: settings.chunk, by: options.by ?? 'SYSTEM' },
  )
}

/** Refills with one batch when fewer than the threshold are UNUSED; what MOSIP's pool checker does. */
export async function ensureUinPool(
  executor: QueryExecutorProvider,
  options: UinPoolOptions = {},
): Promise<RefillResult> {
  const settings = poolSettings(options.pool)
  if ((await countUnusedUins(executor)) >= settings.threshold) return { inserted: 0, duplicates: 0 }
  return refillUinPool(executor, { ...options, count: settings.batch })
}
