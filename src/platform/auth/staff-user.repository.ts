import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/index.js'
import type { AuthTables, StaffUser } from './auth.tables.js'
import type { Role } from './roles.js'
import { encryptStaffName, openStaffUser } from './staff-user-name.js'

type Db = Kysely<AuthTables>

/*
 * `display_name` is stored encrypted (staff-user-name.ts): the functions that return users
 * decrypt it, the ones that write it encrypt it first, so callers only ever see the name. None
 * of them opens a transaction, so the cipher's key-store reads never wait on PGlite's single
 * connection.
 */

export async function findStaffUserByUsername(
  db: Db,
  cipher: FieldCipher,
  username: string,
): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom('auth.staff_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
  return row ? openStaffUser(cipher, row) : undefined
}

export async function findStaffUserById(
  db: Db,
  cipher: FieldCipher,
  id: string,
): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom('auth.staff_user')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? openStaffUser(cipher, row) : undefined
}

/** A user's zones, for access checks that need no name (nothing is decrypted). */
export function findStaffUserZones(
  db: Db,
  id: string,
): Promise<Pick<StaffUser, 'id' | 'zones'> | undefined> {
  return db
    .selectFrom('auth.staff_user')
    .select(['id', 'zones'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listStaffUsers(db: Db, cipher: FieldCipher): Promise<StaffUser[]> {
  const rows = await db.selectFrom('auth.staff_user').selectAll().orderBy('username').execute()
  return Promise.all(rows.map((row) => openStaffUser(cipher, row)))
}

export interface NewStaffUser {
  username: string
  displayName: string
  passwordHash: string
  roles: Role[]
  zones: string[]
  mustChangePassword: boolean
  createdBy: string
}

/** Inserts a user; returns undefined when the username is taken (also under a concurrent insert). */
export async function insertStaffUser(
  db: Db,
  cipher: FieldCipher,
  user: NewStaffUser,
): Promise<StaffUser | undefined> {
  // The id is chosen here rather than by the database: the name is encrypted under it.
  const id = randomUUID()
  const row = await db
    .insertInto('auth.staff_user')
    .values({
      id,
      username: user.username,
      display_name: await encryptStaffName(cipher, id, user.displayName),
      password_hash: user.passwordHash,
      roles: user.roles,
      zones: user.zones,
      status: 'ACTIVE',
      must_change_password: user.mustChangePassword,
      created_by: user.createdBy,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returningAll()
    .executeTakeFirst()
  return row ? openStaffUser(cipher, row) : undefined
}

export async function recordFailedLogin(
  db: Db,
  id: string,
  maxFailures: number,
  lockoutSeconds: number,
) {
  return db
    .updateTable('auth.staff_user')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(new Date(Date.now() + lockoutSeconds * 1000))
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', id)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow()
}

export async function recordSuccessfulLogin(db: Db, id: string): Promise<void> {
  await db
    .updateTable('auth.staff_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function updateStaffUser(
  db: Db,
  cipher: FieldCipher,
  id: string,
  changes: Partial<{
    displayName: string
    roles: Role[]
    zones: string[]
    status: 'ACTIVE' | 'DISABLED'
    passwordHash: string
    mustChangePassword: boolean
  }>,
): Promise<StaffUser | undefined> {
  const displayName =
    changes.displayName === undefined
      ? undefined
      : await encryptStaffName(cipher, id, changes.displayName)
  const row = await db
    .updateTable('auth.staff_user')
    .set({
      ...(displayName !== undefined && { display_name: displayName }),
      ...(changes.roles && { roles: changes.roles }),
      ...(changes.zones && { zones: changes.zones }),
      ...(changes.status && { status: changes.status }),
      ...(changes.passwordHash && {
        password_hash: changes.passwordHash,
        password_changed_at: new Date(),
        failed_logins: 0,
        locked_until: null,
      }),
      ...(changes.mustChangePassword !== undefined && {
        must_change_password: changes.mustChangePassword,
      }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? openStaffUser(cipher, row) : undefined
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('auth.staff_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb(eb.val('ADMIN'), '=', eb.fn.any('roles')))
    .where('status', '=', 'ACTIVE')
    .executeTakeFirstOrThrow()
  return row.n
}
