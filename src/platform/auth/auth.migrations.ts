import { type Kysely, sql } from 'kysely'
import type { MigrationHistory } from '../db/index.js'

/** Staff accounts and sessions, partners and their API keys, resident sessions. */
export const authMigrations: MigrationHistory = {
  schema: 'auth',
  migrations: {
    '0001_staff_and_partners': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('auth.staff_user')
          .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('roles', sql`text[]`, (c) => c.notNull())
          .addColumn('zones', sql`text[]`, (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('ACTIVE', 'DISABLED')`),
          )
          .addColumn('must_change_password', 'boolean', (c) => c.notNull())
          .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'timestamptz')
          .addColumn('last_login_at', 'timestamptz')
          .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .execute()

        await db.schema
          .createTable('auth.staff_session')
          .addColumn('id', 'uuid', (c) => c.primaryKey())
          .addColumn('user_id', 'uuid', (c) =>
            c.notNull().references('auth.staff_user.id').onDelete('cascade'),
          )
          .addColumn('refresh_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
          .addColumn('revoked_at', 'timestamptz')
          .addColumn('revoked_reason', 'text')
          .execute()
        await db.schema
          .createIndex('staff_session_user')
          .on('auth.staff_session')
          .column('user_id')
          .execute()

        await db.schema
          .createTable('auth.partner')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('partner_type', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('ACTIVE', 'DEACTIVATED')`),
          )
          .addColumn('policy', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute()

        await db.schema
          .createTable('auth.partner_api_key')
          .addColumn('key_id', 'text', (c) => c.primaryKey())
          .addColumn('partner_id', 'text', (c) =>
            c.notNull().references('auth.partner.id').onDelete('cascade'),
          )
          .addColumn('secret_hash', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('expires_at', 'timestamptz')
          .addColumn('last_used_at', 'timestamptz')
          .addColumn('revoked_at', 'timestamptz')
          .execute()

        await db.schema
          .createTable('auth.resident_session')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('id', 'uuid', (c) => c.notNull().unique())
          .addColumn('individual_ref', 'text', (c) => c.notNull())
          .addColumn('auth_method', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('idle_expires_at', 'timestamptz', (c) => c.notNull())
          .addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
          .addColumn('revoked_at', 'timestamptz')
          .execute()
      },
    },
  },
}
