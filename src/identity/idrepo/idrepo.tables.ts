import type { Generated, Selectable } from 'kysely'

/** MOSIP's common audit columns. */
interface AuditColumns {
  cr_by: string
  cr_dtimes: Date
  upd_by: string | null
  upd_dtimes: Date | null
  is_deleted: boolean | null
  del_dtimes: Date | null
}

/** `idrepo.uin`: one row per individual; `uin` and the values in `uin_data` are ciphertexts. */
export interface UinRow extends AuditColumns {
  uin_ref_id: string
  uin: string
  uin_hash: string
  uin_data: Uint8Array
  uin_data_hash: string
  reg_id: string
  bio_ref_id: string | null
  status_code: string
  lang_code: string | null
}

export interface UinHistoryRow extends UinRow {
  eff_dtimes: Date
}

export interface UinDocumentRow extends AuditColumns {
  uin_ref_id: string
  doccat_code: string
  doctyp_code: string
  doc_id: string
  doc_name: string
  docfmt_code: string
  doc_hash: string
  lang_code: string | null
}

export interface UinDocumentHistoryRow extends UinDocumentRow {
  eff_dtimes: Date
}

export interface UinBiometricRow extends AuditColumns {
  uin_ref_id: string
  biometric_file_type: string
  bio_file_id: string
  biometric_file_name: string
  biometric_file_hash: string
  lang_code: string | null
}

export interface UinBiometricHistoryRow extends UinBiometricRow {
  eff_dtimes: Date
}

export interface UinAuthLockRow extends AuditColumns {
  uin_hash: string
  auth_type_code: string
  lock_request_datetime: Date
  lock_start_datetime: Date
  lock_end_datetime: Date | null
  /** "true" when locked, "false" when unlocked (MOSIP's strings). */
  status_code: string
  lang_code: string | null
  unlock_expiry_datetime: Date | null
}

export interface ChannelInfoRow extends AuditColumns {
  hashed_channel: string
  channel_type: string
  /** numeric: comes back as a string. */
  no_of_records: Generated<string>
}

export interface AnonymousProfileRow extends AuditColumns {
  id: string
  profile: string
}

/** `idmap.vid`; `uin` is a ciphertext. */
export interface VidRow extends AuditColumns {
  id: string
  vid: string
  uin_hash: string
  uin: string
  vidtyp_code: string
  generated_dtimes: Date
  expiry_dtimes: Date | null
  status_code: string
  transaction_count: Generated<number>
}

/** A VID row as selected. */
export type VidRecord = Selectable<VidRow>

/** Schema-qualified, for `db.withTables<IdRepoTables>()`. */
export type IdRepoTables = {
  'idrepo.uin': UinRow
  'idrepo.uin_h': UinHistoryRow
  'idrepo.uin_document': UinDocumentRow
  'idrepo.uin_document_h': UinDocumentHistoryRow
  'idrepo.uin_biometric': UinBiometricRow
  'idrepo.uin_biometric_h': UinBiometricHistoryRow
  'idrepo.uin_auth_lock': UinAuthLockRow
  'idrepo.channel_info': ChannelInfoRow
  'idrepo.anonymous_profile': AnonymousProfileRow
  'idmap.vid': VidRow
}
