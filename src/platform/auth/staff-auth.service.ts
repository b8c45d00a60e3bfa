import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/index.js'
import type { AccessTokens } from './access-tokens.js'
import type { AuthTables, StaffUser } from './auth.tables.js'
import { authErrors } from './errors.js'
import { hashPassword, verifyPassword } from './password-hasher.js'
import { checkPasswordPolicy } from './password-policy.js'
import type { StaffSessions } from './staff-sessions.js'
import {
  findStaffUserById,
  findStaffUserByUsername,
  recordFailedLogin,
  recordSuccessfulLogin,
  updateStaffUser,
} from './staff-user.repository.js'

export interface LockoutPolicy {
  maxFailedLogins: number
  lockoutSeconds: number
}

/** A signed-in staff member: the tokens to hand out and the user they belong to. */
export interface StaffSignIn {
  user: StaffUser
  accessToken: string
  expiresIn: number
  refreshToken: string
  refreshExpiresAt: Date
}

/** Staff sign-in, token refresh, sign-out and password change. */
export class StaffAuthService {
  constructor(
    private readonly db: Kysely<AuthTables>,
    /** Decrypts the staff names returned with each sign-in. */
    private readonly cipher: FieldCipher,
    private readonly tokens: AccessTokens,
    private readonly sessions: StaffSessions,
    private readonly lockout: LockoutPolicy,
  ) {}

  async login(username: string, password: string): Promise<StaffSignIn> {
    const user = await findStaffUserByUsername(this.db, this.cipher, normaliseUsername(username))
    if (user?.locked_until && user.locked_until > new Date())
      throw authErrors.locked(user.locked_until)
    const valid = await verifyPassword(user?.password_hash ?? null, password)
    if (!user) throw authErrors.invalidCredentials()
    if (!valid) {
      const { locked_until } = await recordFailedLogin(
        this.db,
        user.id,
        this.lockout.maxFailedLogins,
        this.lockout.lockoutSeconds,
      )
      if (locked_until && locked_until > new Date()) throw authErrors.locked(locked_until)
      throw authErrors.invalidCredentials()
    }
    if (user.status !== 'ACTIVE') throw authErrors.disabled()
    await recordSuccessfulLogin(this.db, user.id)
    return this.#signIn(user)
  }

  async refresh(refreshToken: string): Promise<StaffSignIn> {
    const rotated = await this.sessions.rotate(refreshToken)
    if (!rotated) throw authErrors.sessionExpired()
    const user = await findStaffUserById(this.db, this.cipher, rotated.userId)
    if (!user || user.status !== 'ACTIVE') {
      await this.sessions.revoke(rotated.sessionId, 'user disabled')
      throw authErrors.sessionExpired()
    }
    const { accessToken, expiresIn } = await this.tokens.issue(user, rotated.sessionId)
    return {
      user,
      accessToken,
      expiresIn,
      refreshToken: rotated.refreshToken,
      refreshExpiresAt: rotated.expiresAt,
    }
  }

  async logout(refreshToken: string): Promise<void> {
    const sessionId = refreshToken.split('.')[0]
    if (sessionId && /^[0-9a-f-]{36}$/.test(sessionId))
      await this.sessions.revoke(sessionId, 'signed out')
  }

  /**
   * Changes the caller's own password. Every session of the user ends, and the caller gets a
   * fresh one whose token no longer carries a pending password change.
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<StaffSignIn> {
    const user = await findStaffUserById(this.db, this.cipher, userId)
    if (!user) throw authErrors.staffUserNotFound()
    if (!(await verifyPassword(user.password_hash, currentPassword)))
      throw authErrors.invalidCredentials()
    if (currentPassword === newPassword)
      throw authErrors.weakPassword('it must differ from the current one')
    checkPasswordPolicy(newPassword, user.username)
    const updated = await updateStaffUser(this.db, this.cipher, userId, {
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: false,
    })
    await this.sessions.revokeAllOf(userId, 'password changed')
    return this.#signIn(updated ?? user)
  }

  async #signIn(user: StaffUser): Promise<StaffSignIn> {
    const session = await this.sessions.open(user.id)
    const { accessToken, expiresIn } = await this.tokens.issue(user, session.sessionId)
    return {
      user,
      accessToken,
      expiresIn,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.expiresAt,
    }
  }
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase()
}
