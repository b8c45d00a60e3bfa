import type { Kysely, Transaction } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import type { BiometricRef, DocumentRef } from './identity-data.js'
import type { IdRepoTables, UinRow } from './idrepo.tables.js'

type Executor = Db | Transaction<object>

function tables(executor: Executor): Kysely<IdRepoTables> {
  return executor.withTables<IdRepoTables>()
}

/** The live row of a UIN, by any of its lookup hashes; `forUpdate` locks it. */
export async function findUinByHashes(
  executor: Executor,
  hashes: readonly string[],
  forUpdate = false,
): Promise<UinRow | undefined> {
  if (hashes.length === 0) return undefined
  let query = tables(executor)
    .selectFrom('idrepo.uin')
    .selectAll()
    .where('uin_hash', 'in', [...hashes])
    .where('is_deleted', 'is not', true)
  if (forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

/**
 * The live row of the identity a RID belongs to. The current RID is on idrepo.uin; an earlier
 * one (before an UPDATE, or a LOST packet's) only in uin_h, where MOSIP also looks.
 */
export async function findUinByRid(executor: Executor, rid: string): Promise<UinRow | undefined> {
  const current = await tables(executor)
    .selectFrom('idrepo.uin')
    .selectAll()
    .where('reg_id', '=', rid)
    .where('is_deleted', 'is not', true)
    .executeTakeFirst()
  if (current) return current
  return tables(executor)
    .selectFrom('idrepo.uin')
    .selectAll()
    .where('is_deleted', 'is not', true)
    .where('uin_ref_id', 'in', (history) =>
      history.selectFrom('idrepo.uin_h as h').select('h.uin_ref_id').where('h.reg_id', '=', rid),
    )
    .executeTakeFirst()
}

export async function findUinByRefId(
  executor: Executor,
  uinRefId: string,
): Promise<UinRow | undefined> {
  return tables(executor)
    .selectFrom('idrepo.uin')
    .selectAll()
    .where('uin_ref_id', '=', uinRefId)
    .executeTakeFirst()
}

/** Inserts the UIN and its first history row (MOSIP writes uin_h on every save). */
export async function insertUin(trx: Transaction<object>, row: UinRow): Promise<void> {
  await tables(trx).insertInto('idrepo.uin').values(row).execute()
  await tables(trx)
    .insertInto('idrepo.uin_h')
    .values({ ...row, eff_dtimes: row.cr_dtimes })
    .execute()
}

/**
 * The time of a change to `row`: now, but always after its last change, so that history keys
 * (uin_ref_id, eff_dtimes) stay unique even for two changes within one millisecond.
 */
export function nextChangeTime(row: UinRow): Date {
  const last = (row.upd_dtimes ?? row.cr_dtimes).getTime()
  return new Date(Math.max(Date.now(), last + 1))
}

/** Replaces the row's changeable columns and appends the new state to uin_h. */
export async function updateUin(
  trx: Transaction<object>,
  current: UinRow,
  changes: Partial<
    Pick<
      UinRow,
      'uin_data' | 'uin_data_hash' | 'reg_id' | 'status_code' | 'bio_ref_id' | 'lang_code'
    >
  >,
  actor: string,
  at: Date,
): Promise<UinRow> {
  const next: UinRow = { ...current, ...changes, upd_by: actor, upd_dtimes: at }
  await tables(trx)
    .updateTable('idrepo.uin')
    .set({ ...changes, upd_by: actor, upd_dtimes: at })
    .where('uin_ref_id', '=', current.uin_ref_id)
    .execute()
  await tables(trx)
    .insertInto('idrepo.uin_h')
    .values({ ...next, eff_dtimes: at })
    .execute()
  return next
}

/** Inserts or replaces documents by category, keeping each version in uin_document_h. */
export async function saveDocuments(
  trx: Transaction<object>,
  uinRefId: string,
  documents: readonly DocumentRef[],
  actor: string,
  at: Date,
): Promise<void> {
  for (const doc of documents) {
    const row = {
      uin_ref_id: uinRefId,
      doccat_code: doc.category,
      doctyp_code: doc.type,
      doc_id: doc.fileId,
      doc_name: doc.fileName,
      docfmt_code: doc.format,
      doc_hash: doc.hash.toUpperCase(),
      lang_code: doc.langCode ?? null,
      cr_by: actor,
      cr_dtimes: at,
      is_deleted: false,
    }
    await tables(trx)
      .insertInto('idrepo.uin_document')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['uin_ref_id', 'doccat_code']).doUpdateSet({
          doctyp_code: row.doctyp_code,
          doc_id: row.doc_id,
          doc_name: row.doc_name,
          docfmt_code: row.docfmt_code,
          doc_hash: row.doc_hash,
          lang_code: row.lang_code,
          upd_by: actor,
          upd_dtimes: at,
        }),
      )
      .execute()
    await tables(trx)
      .insertInto('idrepo.uin_document_h')
      .values({ ...row, eff_dtimes: at })
      .execute()
  }
}

/** Inserts or replaces CBEFF file references by type, keeping each version in uin_biometric_h. */
export async function saveBiometrics(
  trx: Transaction<object>,
  uinRefId: string,
  biometrics: readonly BiometricRef[],
  actor: string,
  at: Date,
): Promise<void> {
  for (const bio of biometrics) {
    const row = {
      uin_ref_id: uinRefId,
      biometric_file_type: bio.type,
      bio_file_id: bio.fileId,
      biometric_file_name: bio.fileName,
      biometric_file_hash: bio.hash.toUpperCase(),
      lang_code: bio.langCode ?? null,
      cr_by: actor,
      cr_dtimes: at,
      is_deleted: false,
    }
    await tables(trx)
      .insertInto('idrepo.uin_biometric')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['uin_ref_id', 'biometric_file_type']).doUpdateSet({
          bio_file_id: row.bio_file_id,
          biometric_file_name: row.biometric_file_name,
          biometric_file_hash: row.biometric_file_hash,
          lang_code: row.lang_code,
          upd_by: actor,
          upd_dtimes: at,
        }),
      )
      .execute()
    await tables(trx)
      .insertInto('idrepo.uin_biometric_h')
      .values({ ...row, eff_dtimes: at })
      .execute()
  }
}

/** Groups rows by record, keeping each record's order; every asked record gets a list. */
function byRecord<Row extends { uin_ref_id: string }, T>(
  uinRefIds: readonly string[],
  rows: readonly Row[],
  map: (row: Row) => T,
): Map<string, T[]> {
  const grouped = new Map(uinRefIds.map((id) => [id, [] as T[]]))
  for (const row of rows) grouped.get(row.uin_ref_id)?.push(map(row))
  return grouped
}

/** The live document references of each record (one query for all), by category. */
export async function documentsOf(
  executor: Executor,
  uinRefIds: readonly string[],
): Promise<Map<string, DocumentRef[]>> {
  if (uinRefIds.length === 0) return new Map()
  const rows = await tables(executor)
    .selectFrom('idrepo.uin_document')
    .selectAll()
    .where('uin_ref_id', 'in', [...uinRefIds])
    .where('is_deleted', 'is not', true)
    .orderBy('doccat_code')
    .execute()
  return byRecord(uinRefIds, rows, (row) => ({
    category: row.doccat_code,
    type: row.doctyp_code,
    fileId: row.doc_id,
    fileName: row.doc_name,
    format: row.docfmt_code,
    hash: row.doc_hash,
    ...(row.lang_code && { langCode: row.lang_code }),
  }))
}

/** The live biometric references of each record (one query for all), by file type. */
export async function biometricsOf(
  executor: Executor,
  uinRefIds: readonly string[],
): Promise<Map<string, BiometricRef[]>> {
  if (uinRefIds.length === 0) return new Map()
  const rows = await tables(executor)
    .selectFrom('idrepo.uin_biometric')
    .selectAll()
    .where('uin_ref_id', 'in', [...uinRefIds])
    .where('is_deleted', 'is not', true)
    .orderBy('biometric_file_type')
    .execute()
  return byRecord(uinRefIds, rows, (row) => ({
    type: row.biometric_file_type,
    fileId: row.bio_file_id,
    fileName: row.biometric_file_name,
    hash: row.biometric_file_hash,
    ...(row.lang_code && { langCode: row.lang_code }),
  }))
}

export async function listDocuments(executor: Executor, uinRefId: string): Promise<DocumentRef[]> {
  return (await documentsOf(executor, [uinRefId])).get(uinRefId) ?? []
}

export async function listBiometrics(
  executor: Executor,
  uinRefId: string,
): Promise<BiometricRef[]> {
  return (await biometricsOf(executor, [uinRefId])).get(uinRefId) ?? []
}
