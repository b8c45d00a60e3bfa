import type { Kysely } from 'kysely'
import type { AuthTables, StaffUser } from './auth.tables.js'
import type { Role } from './roles.js'

type Db = Kysely<AuthTables>

export function findStaffUserByUsername(db: Db, username: string): Promise<StaffUser | undefined> {
  return db
    .selectFrom('auth.staff_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
}

export function findStaffUserById(db: Db, id: string): Promise<StaffUser | undefined> {
  return db.selectFrom('auth.staff_user').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listStaffUsers(db: Db): Promise<StaffUser[]> {
  return db.selectFrom('auth.staff_user').selectAll().orderBy('username').execute()
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
export async function insertStaffUser(db: Db, user: NewStaffUser): Promise<StaffUser | undefined> {
  return db
    .insertInto('auth.staff_user')
    .values({
      username: user.username,
      display_name: user.displayName,
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
  return db
    .updateTable('auth.staff_user')
    .set({
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
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
