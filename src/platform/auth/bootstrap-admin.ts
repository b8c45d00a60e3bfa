import type { Kysely } from 'kysely'
import { AppError } from '../errors.js'
import type { AuthTables } from './auth.tables.js'
import { countAdmins } from './staff-user.repository.js'
import type { StaffUsersService } from './staff-users.service.js'
import { allZones } from './zone-scope.js'

export const firstAdminUsername = 'admin'

/**
 * Creates the first administrator when there is none. Its password comes from the settings,
 * or is a one-time password returned here (for the caller to print) that must be changed at
 * first sign-in. Several processes starting together create one admin between them.
 */
export async function bootstrapAdmin(
  db: Kysely<AuthTables>,
  users: StaffUsersService,
  password: string | undefined,
): Promise<{ username: string; oneTimePassword: string | null } | null> {
  if ((await countAdmins(db)) > 0) return null
  try {
    const { oneTimePassword } = await users.create(
      {
        username: firstAdminUsername,
        displayName: 'Administrator',
        roles: ['ADMIN'],
        zones: [allZones],
        ...(password && { password }),
      },
      'system',
    )
    return { username: firstAdminUsername, oneTimePassword }
  } catch (error) {
    const code = (error as { code?: string }).code
    // Another process created it first.
    if (code === 'MOS-AUT-409') return null
    if (code === 'MOS-AUT-400') {
      throw new AppError({
        code: 'MOS-AUT-400',
        status: 400,
        message: `MOSAIC_ADMIN_PASSWORD (auth.adminPassword): ${(error as Error).message}`,
        action: 'Set a password of at least 12 characters that does not contain "admin".',
      })
    }
    throw error
  }
}
