import { sql } from 'kysely'
import type { MigrationHistory } from '../db/index.js'

/** The notify schema: the message store (dev outbox and retry queue) and template overrides. */
export const notifyMigrations: MigrationHistory = {
  schema: 'notify',
  migrations: {
    '0001_create_message_and_template': {
      async up(db) {
        await db.schema
          .createTable('notify.message')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
          .addColumn('channel', 'text', (c) =>
            c.notNull().check(sql`channel in ('email', 'sms', 'webhook')`),
          )
          .addColumn('template', 'text')
          .addColumn('event', 'text')
          .addColumn('language', 'text')
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('queued', 'sent', 'failed', 'held')`),
          )
          .addColumn('recipient', 'text', (c) => c.notNull())
          .addColumn('subject', 'text')
          .addColumn('body_text', 'text', (c) => c.notNull())
          .addColumn('body_html', 'text')
          .addColumn('secret', 'text')
          .addColumn('idempotency_key', 'text', (c) => c.unique())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'timestamptz')
          .addColumn('last_error', 'text')
          .addColumn('expires_at', 'timestamptz')
          .addColumn('created_at', 'timestamptz', (c) => c.notNull())
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
          .addColumn('sent_at', 'timestamptz')
          .execute()
        // The retry sweep reads only queued messages that are due.
        await db.schema
          .createIndex('message_due_idx')
          .on('notify.message')
          .column('next_attempt_at')
          .where(sql.ref('status'), '=', 'queued')
          .execute()
        await db.schema
          .createIndex('message_created_idx')
          .on('notify.message')
          .columns(['created_at', 'seq'])
          .execute()

        await db.schema
          .createTable('notify.template')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('subject', 'text')
          .addColumn('body_text', 'text', (c) => c.notNull())
          .addColumn('body_html', 'text')
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
          .addColumn('updated_by', 'text')
          .addPrimaryKeyConstraint('template_pk', ['name', 'channel', 'language'])
          .execute()
      },
    },
    '0002_add_message_attachments': {
      async up(db) {
        // Email attachments, encrypted like the bodies (they may hold report data with RIDs).
        await db.schema.alterTable('notify.message').addColumn('attachments', 'text').execute()
      },
    },
  },
}
