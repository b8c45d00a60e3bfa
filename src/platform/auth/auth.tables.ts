import type { ColumnType, Generated, Selectable } from 'kysely'
import type { Role } from './roles.js'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export type StaffUserTable = {
  id: Generated<string>
  username: string
  /** Stored as a FieldCipher value bound to `id` (staff-user-name.ts); the repository decrypts. */
  display_name: string
  password_hash: string
  roles: Role[]
  zones: string[]
  status: 'ACTIVE' | 'DISABLED'
  must_change_password: boolean
  failed_logins: Generated<number>
  locked_until: Date | null
  last_login_at: Date | null
  password_changed_at: Timestamp
  created_at: Timestamp
  created_by: string
  updated_at: Timestamp
}

export type StaffSessionTable = {
  id: string
  user_id: string
  refresh_hash: string
  created_at: Timestamp
  refreshed_at: Timestamp
  expires_at: Date
  revoked_at: Date | null
  revoked_reason: string | null
}

export type PartnerTable = {
  id: string
  name: string
  partner_type: string
  status: 'ACTIVE' | 'DEACTIVATED'
  policy: ColumnType<Record<string, unknown>, string | undefined, string>
  created_at: Timestamp
  created_by: string
}

export type PartnerApiKeyTable = {
  key_id: string
  partner_id: string
  secret_hash: string
  label: string
  created_at: Timestamp
  expires_at: Date | null
  last_used_at: Date | null
  revoked_at: Date | null
}

export type ResidentSessionTable = {
  token_hash: string
  id: string
  individual_ref: string
  auth_method: string
  created_at: Timestamp
  last_seen_at: Timestamp
  idle_expires_at: Date
  absolute_expires_at: Date
  revoked_at: Date | null
}

export type AuthTables = {
  'auth.staff_user': StaffUserTable
  'auth.staff_session': StaffSessionTable
  'auth.partner': PartnerTable
  'auth.partner_api_key': PartnerApiKeyTable
  'auth.resident_session': ResidentSessionTable
}

/** A staff user as the repository returns it: `display_name` decrypted. */
export type StaffUser = Selectable<StaffUserTable>
export type Partner = Selectable<PartnerTable>
