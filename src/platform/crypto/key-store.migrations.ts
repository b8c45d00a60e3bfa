import { sql } from 'kysely'
import type { MigrationHistory } from '../db/index.js'

/** Migration history of the key store (schema `keys`). */
export const keyStoreHistory: MigrationHistory = {
  schema: 'keys',
  migrations: {
    '0001_create_key_store': {
      async up(db) {
        await db.schema
          .createTable('keys.key')
          .addColumn('kid', 'text', (c) => c.primaryKey())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('algorithm', 'text', (c) =>
            c.notNull().check(sql`algorithm in ('Ed25519', 'P-256', 'AES-256', 'HMAC-SHA256')`),
          )
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('active', 'retired')`),
          )
          .addColumn('public_key', 'text')
          .addColumn('wrapped_secret', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('retired_at', 'timestamptz')
          .addCheckConstraint(
            'key_retired_at',
            sql`(status = 'retired') = (retired_at is not null)`,
          )
          .execute()
        // The database, not the code, guarantees one active key per purpose: two processes
        // creating the first key at once end with one, the loser reads the winner's.
        await sql`create unique index key_one_active_per_purpose on keys.key (purpose) where status = 'active'`.execute(
          db,
        )
        await db.schema
          .createIndex('key_purpose')
          .on('keys.key')
          .columns(['purpose', 'created_at'])
          .execute()
        await db.schema
          .createTable('keys.master_key_check')
          .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .execute()
      },
    },
  },
}
