/** MOSIP's common audit columns. */
type AuditColumns = {
  cr_by: string
  cr_dtimes: Date
  upd_by: string | null
  upd_dtimes: Date | null
  is_deleted: boolean | null
  del_dtimes: Date | null
}

export type AuthTransactionRow = AuditColumns & {
  id: string
  request_dtimes: Date
  response_dtimes: Date
  request_trn_id: string | null
  auth_type_code: string
  status_code: 'Y' | 'N'
  status_comment: string | null
  lang_code: string
  ref_id_type: string | null
  ref_id: string | null
  token_id: string
  requested_entity_type: string | null
  requested_entity_id: string | null
  requested_entity_name: string | null
  static_tkn_id: string | null
  request_signature: string | null
  response_signature: string | null
}

export type OtpTransactionRow = AuditColumns & {
  id: string
  ref_id: string
  otp_hash: string
  generated_dtimes: Date | null
  expiry_dtimes: Date | null
  validation_retry_count: number | null
  status_code: string | null
  lang_code: string | null
}

export type PolicyDataRow = AuditColumns & {
  policy_id: string
  policy_data: Uint8Array
  name: string
  description: string | null
  policy_status: string
  policy_commence_on: Date
  policy_expires_on: Date | null
}

export type PartnerMappingRow = AuditColumns & {
  partner_id: string
  policy_id: string
  api_key_id: string
}

export type IdaTables = {
  'ida.auth_transaction': AuthTransactionRow
  'ida.otp_transaction': OtpTransactionRow
  'ida.policy_data': PolicyDataRow
  'ida.partner_mapping': PartnerMappingRow
}
