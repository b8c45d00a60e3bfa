import type { ApiClient } from './api.js'

/** A signed-in staff member, as `GET /api/v1/auth/me` and the login grant describe them. */
export interface StaffUser {
  username: string
  displayName: string
  roles: string[]
  zones: string[]
  mustChangePassword: boolean
}

/** What login and refresh return. */
export interface StaffGrant {
  accessToken: string
  tokenType: 'Bearer'
  expiresIn: number
  user: StaffUser
}

function fail(what: string): never {
  throw new TypeError(`Unexpected ${what} in the server response`)
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(what)
  return value as Record<string, unknown>
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail(what)
  return value
}

/** Checks the shape of a staff user from the server. */
export function parseStaffUser(value: unknown): StaffUser {
  const user = record(value, 'user')
  const { username, displayName, mustChangePassword } = user
  if (typeof username !== 'string') fail('username')
  return {
    username,
    displayName: typeof displayName === 'string' && displayName !== '' ? displayName : username,
    roles: strings(user.roles ?? [], 'roles'),
    zones: strings(user.zones ?? [], 'zones'),
    mustChangePassword: mustChangePassword === true,
  }
}

/** Checks the shape of a login or refresh grant. */
export function parseStaffGrant(value: unknown): StaffGrant {
  const grant = record(value, 'grant')
  if (typeof grant.accessToken !== 'string' || grant.accessToken === '') fail('accessToken')
  return {
    accessToken: grant.accessToken,
    tokenType: 'Bearer',
    expiresIn: typeof grant.expiresIn === 'number' ? grant.expiresIn : 0,
    user: parseStaffUser(grant.user),
  }
}

/** Staff authentication calls (`/api/v1/auth/*`); the access token stays inside `api`. */
export interface StaffAuth {
  login(username: string, password: string): Promise<StaffUser>
  /** Resumes a session from the refresh cookie (after a reload); null when there is none. */
  restore(): Promise<StaffUser | null>
  me(): Promise<StaffUser>
  /** Changes the signed-in user's password; the updated user when the server sends one. */
  changePassword(currentPassword: string, newPassword: string): Promise<StaffUser | undefined>
  logout(): Promise<void>
}

/** Binds the staff auth calls to an API client. */
export function createStaffAuth(api: ApiClient): StaffAuth {
  return {
    async login(username, password) {
      const grant = await api.request('/api/v1/auth/login', {
        method: 'POST',
        body: { username, password },
        parse: parseStaffGrant,
        retryOnUnauthorized: false,
        fallbacks: { 401: 'error.badCredentials' },
      })
      api.setAccessToken(grant.accessToken)
      return grant.user
    },
    async restore() {
      const grant = await api.refreshSession()
      if (grant === null) return null
      try {
        return parseStaffGrant(grant).user
      } catch {
        api.setAccessToken(null)
        return null
      }
    },
    me() {
      return api.request('/api/v1/auth/me', { parse: parseStaffUser })
    },
    async changePassword(currentPassword, newPassword) {
      const result = await api.request('/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword, newPassword },
        parse: (value) => value,
        // A wrong current password is a 401 too; it must not end the session.
        retryOnUnauthorized: false,
      })
      // The server answers with a fresh grant (the old tokens are revoked); adopt it.
      try {
        const grant = parseStaffGrant(result)
        api.setAccessToken(grant.accessToken)
        return grant.user
      } catch {
        return undefined
      }
    },
    async logout() {
      try {
        await api.request('/api/v1/auth/logout', {
          method: 'POST',
          parse: () => undefined,
          retryOnUnauthorized: false,
        })
      } finally {
        api.setAccessToken(null)
      }
    },
  }
}
