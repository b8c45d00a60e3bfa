import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/index.js'
import type { AuthTables, StaffUser } from './auth.tables.js'
import { authErrors } from './errors.js'
import { hashPassword } from './password-hasher.js'
import { checkPasswordPolicy } from './password-policy.js'
import type { StaffPrincipal } from './principal.js'
import type { Role } from './roles.js'
import { oneTimePassword } from './secret-token.js'
import type { StaffSessions } from './staff-sessions.js'
import { normaliseUsername } from './staff-auth.service.js'
import {
  findStaffUserZones,
  insertStaffUser,
  listStaffUsers,
  updateStaffUser,
} from './staff-user.repository.js'
import { staffCoversZones, type ZoneHierarchy } from './zone-scope.js'

export interface CreateStaffUser {
  username: string
  displayName: string
  roles: Role[]
  zones: string[]
  /** Chosen password; omitted = a one-time password the user must change at first sign-in. */
  password?: string
}

/**
 * Staff account administration. An administrator manages only users whose zones lie within
 * their own, as MOSIP scopes administrators by zone.
 */
export class StaffUsersService {
  constructor(
    private readonly db: Kysely<AuthTables>,
    /** Encrypts and decrypts staff names (`display_name` is never stored in plaintext). */
    private readonly cipher: FieldCipher,
    private readonly sessions: StaffSessions,
    private readonly zones: () => ZoneHierarchy,
  ) {}

  async list(actor: Pick<StaffPrincipal, 'zones'>): Promise<StaffUser[]> {
    const users = await listStaffUsers(this.db, this.cipher)
    const visible: StaffUser[] = []
    for (const user of users)
      if (await staffCoversZones(actor, user.zones, this.zones())) visible.push(user)
    return visible
  }

  /** Creates an account; returns the one-time password when none was chosen (shown once). */
  async create(input: CreateStaffUser, createdBy: string | StaffPrincipal) {
    if (typeof createdBy !== 'string') await this.#assertCovers(createdBy, input.zones)
    const username = normaliseUsername(input.username)
    const password = input.password ?? oneTimePassword()
    if (input.password) checkPasswordPolicy(input.password, username)
    const user = await insertStaffUser(this.db, this.cipher, {
      username,
      displayName: input.displayName,
      passwordHash: await hashPassword(password),
      roles: input.roles,
      zones: input.zones,
      mustChangePassword: !input.password,
      createdBy: typeof createdBy === 'string' ? createdBy : createdBy.username,
    })
    if (!user) throw authErrors.usernameTaken(username)
    return { user, oneTimePassword: input.password ? null : password }
  }

  async update(
    actor: StaffPrincipal,
    id: string,
    changes: {
      displayName?: string
      roles?: Role[]
      zones?: string[]
      status?: 'ACTIVE' | 'DISABLED'
    },
  ): Promise<StaffUser> {
    const user = await this.#visible(actor, id)
    if (changes.zones) await this.#assertCovers(actor, changes.zones)
    try {
      const updated = await updateStaffUser(this.db, this.cipher, user.id, changes)
      if (!updated) throw authErrors.staffUserNotFound()
      return updated
    } finally {
      // Also when the change was written but the stored name then failed to decrypt.
      if (changes.status === 'DISABLED') await this.sessions.revokeAllOf(id, 'account disabled')
    }
  }

  /** Replaces a user's password with a one-time password (shown once) and ends their sessions. */
  async resetPassword(actor: StaffPrincipal | string, id: string) {
    if (typeof actor !== 'string') await this.#visible(actor, id)
    const password = oneTimePassword()
    const passwordHash = await hashPassword(password)
    let user: StaffUser | undefined
    try {
      user = await updateStaffUser(this.db, this.cipher, id, {
        passwordHash,
        mustChangePassword: true,
      })
    } finally {
      // Also when the password was replaced but the stored name then failed to decrypt.
      await this.sessions.revokeAllOf(id, 'password reset')
    }
    if (!user) throw authErrors.staffUserNotFound()
    return { user, oneTimePassword: password }
  }

  /**
   * The user's id and zones if the actor may manage them. Reads no name, so an administrator
   * can still set a new name on a row whose stored one no longer decrypts.
   */
  async #visible(actor: StaffPrincipal, id: string): Promise<Pick<StaffUser, 'id' | 'zones'>> {
    const user = await findStaffUserZones(this.db, id)
    // Users outside the actor's zones are reported as absent, not as forbidden.
    if (!user || !(await staffCoversZones(actor, user.zones, this.zones())))
      throw authErrors.staffUserNotFound()
    return user
  }

  async #assertCovers(actor: StaffPrincipal, zones: string[]): Promise<void> {
    if (!(await staffCoversZones(actor, zones, this.zones()))) throw authErrors.outsideZone()
  }
}
