import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import { canonicalJson, type IdRepoCrypto } from '../idrepo-crypto.js'
import type { BiometricRef, DocumentRef, Identity } from '../identity-data.js'
import type { IdRepoTables, UinRow } from '../idrepo.tables.js'
import { listBiometrics, listDocuments } from '../uin.repository.js'

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
  const tables: Kysely<IdRepoTables> = executor.withTables<IdRepoTables>()
  const [identity, documents, biometrics, vids, locks, key] = await Promise.all([
    crypto.decryptIdentity(row.uin_data, row.uin_ref_id),
    listDocuments(executor, row.uin_ref_id),
    listBiometrics(executor, row.uin_ref_id),
    tables
      .selectFrom('idmap.vid')
      .select(['id', 'vid', 'vidtyp_code', 'status_code', 'expiry_dtimes'])
      .where('uin_hash', '=', row.uin_hash)
      .where('is_deleted', 'is not', true)
      .execute(),
    sql<{ auth_type_code: string; status_code: string; unlock_expiry_datetime: Date | null }>`
      select distinct on (auth_type_code) auth_type_code, status_code, unlock_expiry_datetime
      from idrepo.uin_auth_lock where uin_hash = ${row.uin_hash}
      order by auth_type_code, lock_request_datetime desc`.execute(executor),
    sql<{ public_key: Uint8Array }>`
      select public_key from idrepo.consent_key where uin_ref_id = ${row.uin_ref_id}`.execute(
      executor,
    ),
  ])
  return {
    identity,
    regId: row.reg_id,
    bioRefId: row.bio_ref_id,
    status: row.status_code,
    documents,
    biometrics,
    vids: vids.map((v) => ({
      id: v.id,
      vid: v.vid,
      type: v.vidtyp_code,
      status: v.status_code,
      expiresAt: v.expiry_dtimes?.toISOString() ?? null,
    })),
    locks: locks.rows.map((l) => ({
      authType: l.auth_type_code,
      locked: l.status_code === 'true',
      unlockExpiresAt: l.unlock_expiry_datetime?.toISOString() ?? null,
    })),
    consentKey: key.rows[0] ? Buffer.from(key.rows[0].public_key).toString('base64') : null,
  }
}
