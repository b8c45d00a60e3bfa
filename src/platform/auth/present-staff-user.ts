import type { StaffUser } from './auth.tables.js'

/** What a staff user looks like to API clients: never the hash or lockout counters. */
export function presentStaffUser(user: StaffUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    zones: user.zones,
    status: user.status,
    mustChangePassword: user.must_change_password,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    createdAt: new Date(user.created_at).toISOString(),
  }
}

export type PresentedStaffUser = ReturnType<typeof presentStaffUser>
