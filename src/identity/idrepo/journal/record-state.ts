import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import { canonicalJson, type IdRepoCrypto } from '../idrepo-crypto.js'
import type { BiometricRef, DocumentRef, Identity } from '../identity-data.js'
import type { IdRepoTables, UinRow } from '../idrepo.tables.js'
import { biometricsOf, documentsOf } from '../uin.repository.js'

type Executor = Db | Transaction<object>

/**
 * Everything an identity record is, as the integrity log commits to it: the decrypted identity,
 * its references, status, documents, biometrics, VIDs, auth-type locks and the resident's
 * consent key. A change to any of it outside a logged change is what `verify` detects.
 */
export interface RecordState {
  readonly identity: Identity
  readonly regId: string
  readonly bioRefId: string | null
  readonly status: string
  readonly documents: readonly DocumentRef[]
  readonly biometrics: readonly BiometricRef[]
  readonly vids: readonly RecordVid[]
  readonly locks: readonly RecordLock[]
  /** Base64 of the resident's Ed25519 consent key, when one is enrolled. */
  readonly consentKey: string | null
}

export interface RecordVid {
  readonly id: string
  readonly vid: string
  readonly type: string
  readonly status: string
  readonly expiresAt: string | null
}

export interface RecordLock {
  readonly authType: string
  readonly locked: boolean
  readonly unlockExpiresAt: string | null
}

const byKey =
  <T>(key: (value: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0

/** The state's canonical bytes: sorted keys and lists, so equal states give equal bytes. */
export function canonicalRecordState(state: RecordState): Buffer {
  const sorted: RecordState = {
    ...state,
    documents: [...state.documents].sort(byKey((d) => d.category)),
    biometrics: [...state.biometrics].sort(byKey((b) => b.type)),
    vids: [...state.vids].sort(byKey((v) => v.id)),
    locks: [...state.locks].sort(byKey((l) => l.authType)),
  }
  return Buffer.from(`mosaic/record-state/v1\n${canonicalJson(sorted)}`)
}

/** SHA-256(salt || canonical state): hides the content, binds the record to the log entry. */
export function recordCommitment(salt: Uint8Array, state: RecordState): Buffer {
  return createHash('sha256').update(salt).update(canonicalRecordState(state)).digest()
}

/** The record as stored now; `row` is the locked or freshly read `idrepo.uin` row. */
export async function readRecordState(
  executor: Executor,
  row: UinRow,
  crypto: IdRepoCrypto,
): Promise<RecordState> {
  const [state] = await readRecordStates(executor, [row], crypto)
  if (state?.status !== 'fulfilled') throw state?.reason
  return state.value
}

/**
 * Many records as stored now, with one query per table for all of them (the auditor reads
 * pages of hundreds). A record whose identity no longer decrypts is a rejected entry, in order.
 */
export async function readRecordStates(
  executor: Executor,
  rows: readonly UinRow[],
  crypto: IdRepoCrypto,
): Promise<PromiseSettledResult<RecordState>[]> {
  if (rows.length === 0) return []
  const tables: Kysely<IdRepoTables> = executor.withTables<IdRepoTables>()
  const refIds = rows.map((row) => row.uin_ref_id)
  const hashes = rows.map((row) => row.uin_hash)
  const [documents, biometrics, vids, locks, keys] = await Promise.all([
    documentsOf(executor, refIds),
    biometricsOf(executor, refIds),
    tables
      .selectFrom('idmap.vid')
      .select(['uin_hash', 'id', 'vid', 'vidtyp_code', 'status_code', 'expiry_dtimes'])
      .where('uin_hash', 'in', hashes)
      .where('is_deleted', 'is not', true)
      .execute(),
    sql<{
      uin_hash: string
      auth_type_code: string
      status_code: string
      unlock_expiry_datetime: Date | null
    }>`
      select distinct on (uin_hash, auth_type_code)
        uin_hash, auth_type_code, status_code, unlock_expiry_datetime
      from idrepo.uin_auth_lock where uin_hash = any(${hashes}::text[])
      order by uin_hash, auth_type_code, lock_request_datetime desc`.execute(executor),
    sql<{ uin_ref_id: string; public_key: Uint8Array }>`
      select uin_ref_id, public_key from idrepo.consent_key
      where uin_ref_id = any(${refIds}::text[])`.execute(executor),
  ])
  const keyOf = new Map(keys.rows.map((k) => [k.uin_ref_id, k.public_key]))
  return Promise.allSettled(
    rows.map(async (row): Promise<RecordState> => {
      const key = keyOf.get(row.uin_ref_id)
      return {
        identity: await crypto.decryptIdentity(row.uin_data, row.uin_ref_id),
        regId: row.reg_id,
        bioRefId: row.bio_ref_id,
        status: row.status_code,
        documents: documents.get(row.uin_ref_id) ?? [],
        biometrics: biometrics.get(row.uin_ref_id) ?? [],
        vids: vids
          .filter((v) => v.uin_hash === row.uin_hash)
          .map((v) => ({
            id: v.id,
            vid: v.vid,
            type: v.vidtyp_code,
            status: v.status_code,
            expiresAt: v.expiry_dtimes?.toISOString() ?? null,
          })),
        locks: locks.rows
          .filter((l) => l.uin_hash === row.uin_hash)
          .map((l) => ({
            authType: l.auth_type_code,
            locked: l.status_code === 'true',
            unlockExpiresAt: l.unlock_expiry_datetime?.toISOString() ?? null,
          })),
        consentKey: key ? Buffer.from(key).toString('base64') : null,
      }
    }),
  )
}
