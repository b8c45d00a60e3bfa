import { randomUUID } from 'node:crypto'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import type { IdRepoTables, VidRecord } from './idrepo.tables.js'
import type { VidPolicy } from './vid-policy.js'

type Executor = Db | Transaction<object>

function tables(executor: Executor): Kysely<IdRepoTables> {
  return executor.withTables<IdRepoTables>()
}

export async function findVid(
  executor: Executor,
  vid: string,
  forUpdate = false,
): Promise<VidRecord | undefined> {
  let query = tables(executor)
    .selectFrom('idmap.vid')
    .selectAll()
    .where('vid', '=', vid)
    .where('is_deleted', 'is not', true)
  if (forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

/** ACTIVE, unexpired VIDs of a UIN (optionally of one type), oldest first. */
export async function activeVids(
  executor: Executor,
  uinHash: string,
  vidType?: string,
): Promise<VidRecord[]> {
  let query = tables(executor)
    .selectFrom('idmap.vid')
    .selectAll()
    .where('uin_hash', '=', uinHash)
    .where('status_code', '=', 'ACTIVE')
    .where('is_deleted', 'is not', true)
    .where((eb) =>
      eb.or([eb('expiry_dtimes', 'is', null), eb('expiry_dtimes', '>', sql<Date>`localtimestamp`)]),
    )
    .orderBy('generated_dtimes')
  if (vidType) query = query.where('vidtyp_code', '=', vidType)
  return query.execute()
}

/**
 * Inserts a VID. generated_dtimes comes from the database clock with microseconds, so two VIDs
 * of one UIN and type never collide on MOSIP's unique (uin_hash, vidtyp_code, generated_dtimes).
 */
export async function insertVid(
  trx: Transaction<object>,
  values: { vid: string; uinHash: string; policy: VidPolicy; actor: string },
  encryptUin: (recordId: string) => Promise<string>,
): Promise<VidRecord> {
  const id = randomUUID()
  const minutes = values.policy.validForInMinutes
  const { rows } = await sql<VidRecord>`
    insert into idmap.vid (id, vid, uin_hash, uin, vidtyp_code, generated_dtimes, expiry_dtimes,
      status_code, cr_by, cr_dtimes)
    select ${id}, ${values.vid}, ${values.uinHash}, ${await encryptUin(id)}, ${values.policy.vidType},
      t.now, ${minutes === null ? null : sql`t.now + make_interval(mins => ${minutes})`},
      'ACTIVE', ${values.actor}, t.now
    from (select clock_timestamp()::timestamp as now) t
    returning *`.execute(trx)
  const row = rows[0]
  if (!row) throw new Error('insert into idmap.vid returned no row')
  return row
}

export async function setVidStatus(
  trx: Transaction<object>,
  id: string,
  status: string,
  actor: string,
): Promise<void> {
  await tables(trx)
    .updateTable('idmap.vid')
    .set({ status_code: status, upd_by: actor, upd_dtimes: new Date() })
    .where('id', '=', id)
    .execute()
}

/** Counts one resolution; returns the new count. */
export async function countVidTransaction(trx: Transaction<object>, id: string): Promise<number> {
  const row = await tables(trx)
    .updateTable('idmap.vid')
    .set((eb) => ({ transaction_count: eb('transaction_count', '+', 1) }))
    .where('id', '=', id)
    .returning('transaction_count')
    .executeTakeFirstOrThrow()
  return row.transaction_count
}

/** Moves every unexpired VID of a UIN from one status to another; returns the VIDs moved. */
export async function moveVidStatuses(
  trx: Transaction<object>,
  uinHash: string,
  from: string,
  to: string,
  actor: string,
): Promise<VidRecord[]> {
  return tables(trx)
    .updateTable('idmap.vid')
    .set({ status_code: to, upd_by: actor, upd_dtimes: new Date() })
    .where('uin_hash', '=', uinHash)
    .where('status_code', '=', from)
    .where((eb) =>
      eb.or([eb('expiry_dtimes', 'is', null), eb('expiry_dtimes', '>', sql<Date>`localtimestamp`)]),
    )
    .returningAll()
    .execute()
}
