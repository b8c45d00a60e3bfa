import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { FieldCipher } from '../crypto/field-cipher.js'
import { notifyErrors } from './errors.js'
import { decryptContent } from './message-content.js'
import { findMessage, listMessages } from './message.repository.js'
import type { Channel, MessageRow, MessageStatus, NotifyTables } from './notify.tables.js'
import { parseRequest } from './send-request.schema.js'

/** A stored message with its content decrypted, for administrators. The webhook secret is never shown. */
export interface OutboxMessage {
  readonly id: string
  readonly channel: Channel
  readonly template: string | null
  readonly event: string | null
  readonly language: string | null
  readonly status: MessageStatus
  /** Email address, phone number or webhook URL. */
  readonly to: string
  readonly subject: string | null
  /** Plain-text body, SMS text or webhook JSON. */
  readonly text: string
  readonly html: string | null
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly sentAt: Date | null
  readonly nextAttemptAt: Date | null
  readonly expiresAt: Date | null
}

/** Filters and paging of the outbox listing. */
export const outboxQuerySchema = z.strictObject({
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  status: z.enum(['queued', 'sent', 'failed', 'held']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export type OutboxQuery = z.input<typeof outboxQuerySchema>

/** One page of the outbox, newest first. */
export interface OutboxPage {
  readonly messages: OutboxMessage[]
  readonly total: number
  readonly limit: number
  readonly offset: number
}

/** Reads the dev outbox: every message stored, decrypted. Callers must be administrators. */
export interface OutboxReader {
  list(query?: OutboxQuery): Promise<OutboxPage>
  /** MOS-NTF-003 when there is no such message. */
  get(id: string): Promise<OutboxMessage>
}

export function createOutboxReader(db: Kysely<NotifyTables>, cipher: FieldCipher): OutboxReader {
  const present = async (row: MessageRow): Promise<OutboxMessage> => {
    const content = await decryptContent(cipher, { ...row, secret: null, attachments: null })
    return {
      id: row.id,
      channel: row.channel,
      template: row.template,
      event: row.event,
      language: row.language,
      status: row.status,
      to: content.recipient,
      subject: content.subject ?? null,
      text: content.text,
      html: content.html ?? null,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sentAt: row.sent_at,
      nextAttemptAt: row.next_attempt_at,
      expiresAt: row.expires_at,
    }
  }
  return {
    async list(input = {}) {
      const query = parseRequest(outboxQuerySchema, input)
      const { rows, total } = await listMessages(db, query)
      const messages = await Promise.all(rows.map(present))
      return { messages, total, limit: query.limit, offset: query.offset }
    },
    async get(id) {
      const row = await findMessage(db, id)
      if (!row) throw notifyErrors.messageNotFound(id)
      return present(row)
    },
  }
}
