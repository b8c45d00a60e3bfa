import { z } from 'zod'
import type { OutboxMessage, OutboxPage } from './outbox-reader.js'
import type { CatalogTemplate } from './template-catalog.js'

const timestamp = z.iso.datetime()

/** An outbox message as the admin API returns it, content decrypted. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms', 'webhook']),
  template: z.string().nullable(),
  event: z.string().nullable(),
  language: z.string().nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'held']),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  sentAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
})

export const outboxPageSchema = z.object({
  messages: z.array(outboxMessageSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

/** A template as the admin API returns it. */
export const catalogTemplateSchema = z.object({
  name: z.string(),
  channel: z.enum(['email', 'sms']),
  language: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  source: z.enum(['builtin', 'override']),
  updatedAt: timestamp.nullable(),
  updatedBy: z.string().nullable(),
})

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function presentOutboxMessage(message: OutboxMessage): z.infer<typeof outboxMessageSchema> {
  return {
    ...message,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
    sentAt: iso(message.sentAt),
    nextAttemptAt: iso(message.nextAttemptAt),
    expiresAt: iso(message.expiresAt),
  }
}

export function presentOutboxPage(page: OutboxPage): z.infer<typeof outboxPageSchema> {
  return { ...page, messages: page.messages.map(presentOutboxMessage) }
}

export function presentTemplate(template: CatalogTemplate): z.infer<typeof catalogTemplateSchema> {
  return {
    name: template.name,
    channel: template.channel,
    language: template.language,
    subject: template.subject ?? null,
    text: template.text,
    html: template.html ?? null,
    source: template.source,
    updatedAt: iso(template.updatedAt ?? null),
    updatedBy: template.updatedBy ?? null,
  }
}
