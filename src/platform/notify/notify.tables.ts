import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Channels a message goes out on. */
export type Channel = 'email' | 'sms' | 'webhook'

/**
 * Where a message is: `queued` (waiting for its first or next attempt), `sent` (the relay,
 * gateway or receiver accepted it), `failed` (refused for good, or out of attempts) or `held`
 * (no transport configured: kept in the dev outbox, never sent).
 */
export type MessageStatus = 'queued' | 'sent' | 'failed' | 'held'

/**
 * One message. Every personal column (recipient, subject, bodies, webhook secret) holds a
 * FieldCipher ciphertext bound to the message id and the column's field name.
 */
export interface MessageTable {
  id: string
  /** Insertion order, to page newest-first stably when timestamps tie. */
  seq: Generated<number>
  channel: Channel
  /** Template name (email, sms). */
  template: string | null
  /** Event type (webhook). */
  event: string | null
  /** Language the template was rendered in (ISO 639-3). */
  language: string | null
  status: MessageStatus
  recipient: string
  subject: string | null
  body_text: string
  body_html: string | null
  secret: string | null
  /**
   * Email attachments: one ciphertext of a JSON list of `{filename, contentType, content
   * (base64)}`, so retries resend them. Null when there are none.
   */
  attachments: ColumnType<string | null, string | null | undefined, string | null>
  /** Caller's key (an event id, say): sending twice with it stores and sends one message. */
  idempotency_key: string | null
  attempts: Generated<number>
  /** When a queued message is next tried; while an attempt runs, the end of its lease. */
  next_attempt_at: Date | null
  /** Why the last attempt did not succeed, without personal data: `smtp 450`, `http 503`. */
  last_error: string | null
  /** Not sent after this (an OTP that has lapsed); the message fails instead. */
  expires_at: Date | null
  created_at: ColumnType<Date, Date, never>
  updated_at: Date
  sent_at: Date | null
}

/** A programme's own version of a template, overriding the built-in one for one language. */
export interface TemplateTable {
  name: string
  channel: Exclude<Channel, 'webhook'>
  language: string
  subject: string | null
  body_text: string
  body_html: string | null
  updated_at: Date
  /** Staff user id of whoever saved it. */
  updated_by: string | null
}

/** The notify schema's tables, for `db.withTables<NotifyTables>()`. */
export type NotifyTables = {
  'notify.message': MessageTable
  'notify.template': TemplateTable
}

export type MessageRow = Selectable<MessageTable>
export type NewMessageRow = Insertable<MessageTable>
export type MessageUpdate = Updateable<MessageTable>
export type TemplateRow = Selectable<TemplateTable>
