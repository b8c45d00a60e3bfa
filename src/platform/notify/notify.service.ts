import { randomUUID } from 'node:crypto'
import type { Settings } from '../config/index.js'
import type { FieldCipher } from '../crypto/field-cipher.js'
import type { Db } from '../db/index.js'
import { createHttpSmsTransport } from './http-sms-transport.js'
import { createHttpWebhookTransport } from './http-webhook-transport.js'
import { encryptContent, type MessageContent } from './message-content.js'
import {
  attemptDelivery,
  type DeliveryContext,
  logFields,
  type NotifyLogger,
  type Transports,
} from './message-delivery.js'
import { claimDueMessages, insertMessage, purgeMessages } from './message.repository.js'
import type { Channel, MessageRow, MessageStatus, NotifyTables } from './notify.tables.js'
import { createOutboxReader, type OutboxReader } from './outbox-reader.js'
import { renderTemplate } from './render-template.js'
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js'
import {
  parseRequest,
  refuseAttachments,
  sendRequestSchema,
  type SendRequest,
  webhookRequestSchema,
  type WebhookRequest,
} from './send-request.schema.js'
import { createSmtpEmailTransport } from './smtp-email-transport.js'
import { createTemplateCatalog, type TemplateCatalog } from './template-catalog.js'

export interface NotifyServiceOptions {
  /** A database migrated with `notifyMigrations`. */
  readonly db: Db
  readonly cipher: FieldCipher
  /** `smtpUrl` / `smsGatewayUrl` unset = that channel's messages are held in the outbox. */
  readonly settings: Settings['notify']
  readonly logger: NotifyLogger
  readonly retry?: Partial<RetryPolicy>
  /** Replace a built-in transport (another kind of SMS gateway, say). */
  readonly transports?: Partial<Transports>
  readonly now?: () => Date
}

/** Messages one sweep claims and attempts at a time. */
const sweepBatch = 10

/** What became of a message when the call returned. */
export interface SendResult {
  readonly id: string
  readonly status: MessageStatus
  readonly channel: Channel
  /** Language of the template used (after fallback); null for webhooks. */
  readonly language: string | null
  /** True when an earlier call with the same idempotency key already stored it. */
  readonly duplicate: boolean
}

/** Counts from one retry sweep. */
export interface RetryReport {
  readonly attempted: number
  readonly sent: number
  readonly failed: number
  readonly requeued: number
  readonly held: number
}

/** Email, SMS and webhooks with a store-first outbox. See docs/notify.md. */
export interface NotifyService {
  /**
   * Renders a template, stores the message encrypted, and makes the first attempt before
   * resolving. A transient failure leaves it `queued` for `retryDue`.
   */
  send(request: SendRequest): Promise<SendResult>
  /** Stores and POSTs a signed webhook (Standard Webhooks headers). */
  webhook(request: WebhookRequest): Promise<SendResult>
  /** Retries queued messages whose time has come; run it every 15-60 s from the jobs runner. */
  retryDue(options?: { limit?: number }): Promise<RetryReport>
  /** Deletes sent, failed and held messages created before `before` (retention). */
  purge(before: Date): Promise<number>
  readonly outbox: OutboxReader
  readonly templates: TemplateCatalog
  /** Closes SMTP connections. */
  close(): Promise<void>
}

/**
 * Builds the notify service from settings: SMTP when `notify.smtpUrl` is set, the HTTP SMS
 * gateway when `notify.smsGatewayUrl` is, held in the outbox otherwise.
 *
 * @example
 * const notify = createNotifyService({ db, cipher, settings: settings.notify, logger })
 * await notify.send({ channel: 'sms', to: '+254700000001', template: 'otp', language: 'fra', variables: { otp: '483920', minutes: 5 } })
 */
export function createNotifyService(options: NotifyServiceOptions): NotifyService {
  const { settings, cipher, logger } = options
  const db = options.db.withTables<NotifyTables>()
  const now = options.now ?? (() => new Date())
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry }
  const transports: Transports = {
    webhook: options.transports?.webhook ?? createHttpWebhookTransport({ now }),
    email:
      options.transports?.email ??
      (settings.smtpUrl
        ? createSmtpEmailTransport({ url: settings.smtpUrl, from: settings.mailFrom })
        : undefined),
    sms:
      options.transports?.sms ??
      (settings.smsGatewayUrl
        ? createHttpSmsTransport({ url: settings.smsGatewayUrl, token: settings.smsGatewayToken })
        : undefined),
  }
  const context: DeliveryContext = { db, cipher, transports, policy, logger, now }
  const templates = createTemplateCatalog(db, settings.defaultLanguage, now)

  async function store(
    fields: Pick<
      MessageRow,
      'channel' | 'template' | 'event' | 'language' | 'idempotency_key' | 'expires_at'
    >,
    content: MessageContent,
    held: boolean,
  ): Promise<SendResult> {
    const id = randomUUID()
    const at = now()
    const row = await insertMessage(db, {
      id,
      ...fields,
      ...(await encryptContent(cipher, id, content)),
      status: held ? 'held' : 'queued',
      // Leased to this call's first attempt; if the process dies, the sweep takes it over.
      next_attempt_at: held ? null : new Date(at.getTime() + policy.leaseMs),
      last_error: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    const result = (r: MessageRow, duplicate: boolean): SendResult => ({
      id: r.id,
      status: r.status,
      channel: r.channel,
      language: r.language,
      duplicate,
    })
    if (row.id !== id) return result(row, true)
    logger.info(
      logFields(row),
      held ? 'notification held in the dev outbox' : 'notification stored',
    )
    if (held) return result(row, false)
    return result(await attemptDelivery(context, row, content), false)
  }

  return {
    async send(input) {
      if (input?.channel === 'sms') refuseAttachments('sms', input)
      const request = parseRequest(sendRequestSchema, input)
      const template = await templates.resolve(request.template, request.channel, request.language)
      const rendered = renderTemplate(template, request.variables)
      return store(
        {
          channel: request.channel,
          template: template.name,
          event: null,
          language: template.language,
          idempotency_key: request.idempotencyKey ?? null,
          expires_at: request.expiresAt ?? null,
        },
        {
          recipient: Array.isArray(request.to) ? request.to.join(', ') : request.to,
          ...rendered,
          ...(request.channel === 'email' &&
            request.attachments?.length && { attachments: request.attachments }),
        },
        !transports[request.channel],
      )
    },

    async webhook(input) {
      refuseAttachments('webhook', input)
      const request = parseRequest(webhookRequestSchema, input)
      const body = JSON.stringify({
        type: request.event,
        timestamp: now().toISOString(),
        data: request.data,
      })
      return store(
        {
          channel: 'webhook',
          template: null,
          event: request.event,
          language: null,
          idempotency_key: request.idempotencyKey ?? null,
          expires_at: request.expiresAt ?? null,
        },
        { recipient: request.url, text: body, secret: request.secret },
        false,
      )
    },

    async retryDue(options = {}) {
      const limit = options.limit ?? 100
      const report = { attempted: 0, sent: 0, failed: 0, requeued: 0, held: 0 }
      // Small batches, attempted in parallel: every claimed message is tried well within its
      // lease even when each attempt runs into a timeout, so no other sweeper takes it over.
      while (report.attempted < limit) {
        const at = now()
        const leaseUntil = new Date(at.getTime() + policy.leaseMs)
        const size = Math.min(sweepBatch, limit - report.attempted)
        const claimed = await claimDueMessages(db, at, leaseUntil, size)
        const done = await Promise.all(claimed.map((row) => attemptDelivery(context, row)))
        report.attempted += claimed.length
        for (const row of done) {
          if (row.status === 'queued') report.requeued += 1
          else report[row.status] += 1
        }
        if (claimed.length < size) break
      }
      return report
    },

    purge: (before) => purgeMessages(db, before),
    outbox: createOutboxReader(db, cipher),
    templates,
    close: async () => transports.email?.close(),
  }
}
