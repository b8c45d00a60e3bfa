import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { FieldCipher } from '../crypto/field-cipher.js'
import { decryptContent, type MessageContent } from './message-content.js'
import { updateMessage } from './message.repository.js'
import type { MessageRow, NotifyTables } from './notify.tables.js'
import { retryDelayMs, type RetryPolicy } from './retry-policy.js'
import type {
  DeliveryOutcome,
  EmailTransport,
  SmsTransport,
  WebhookTransport,
} from './transport.js'

/** The logger calls notify makes; a pino Logger fits. */
export type NotifyLogger = Pick<Logger, 'info' | 'warn' | 'error'>

/** Configured transports; a channel without one keeps its messages held in the outbox. */
export interface Transports {
  readonly email?: EmailTransport
  readonly sms?: SmsTransport
  readonly webhook: WebhookTransport
}

/** What one delivery attempt needs. */
export interface DeliveryContext {
  readonly db: Kysely<NotifyTables>
  readonly cipher: FieldCipher
  readonly transports: Transports
  readonly policy: RetryPolicy
  readonly logger: NotifyLogger
  readonly now: () => Date
}

/** The fields a log line may carry about a message: never its recipient or content. */
export function logFields(row: MessageRow): Record<string, unknown> {
  return {
    'notify.message.id': row.id,
    'notify.channel': row.channel,
    'notify.template': row.template ?? row.event,
    'notify.status': row.status,
    'notify.attempts': row.attempts,
    ...(row.last_error !== null && { 'notify.reason': row.last_error }),
  }
}

/**
 * Makes one attempt at a message the caller holds (just stored, or claimed by the retry
 * sweep) and records the result: sent, failed, queued again after a backoff, or held when its
 * channel has no transport. `content` saves decrypting what the caller has in the clear.
 */
export async function attemptDelivery(
  context: DeliveryContext,
  row: MessageRow,
  content?: MessageContent,
): Promise<MessageRow> {
  const now = context.now()
  if (row.expires_at !== null && row.expires_at <= now) {
    return record(context, row, { status: 'failed', reason: 'expired' }, now, false)
  }
  const send = sender(context.transports, row)
  if (!send) {
    const held = await updateMessage(context.db, row.id, {
      status: 'held',
      next_attempt_at: null,
      updated_at: now,
    })
    context.logger.warn(
      logFields(held),
      'notification held: its channel has no transport configured',
    )
    return held
  }
  let outcome: DeliveryOutcome
  try {
    outcome = await send(content ?? (await decryptContent(context.cipher, row)))
  } catch (error) {
    // Transports report failures as outcomes; a throw is a bug or a key problem. Only the
    // error's type is logged, since its message might quote what was being sent.
    context.logger.error(
      { ...logFields(row), 'error.type': (error as Error)?.name },
      'notification attempt threw',
    )
    outcome = { status: 'retry', reason: 'internal error' }
  }
  return record(context, row, outcome, context.now(), true)
}

async function record(
  context: DeliveryContext,
  row: MessageRow,
  outcome: DeliveryOutcome,
  now: Date,
  attempted: boolean,
): Promise<MessageRow> {
  const attempts = row.attempts + (attempted ? 1 : 0)
  let updated: MessageRow
  if (outcome.status === 'sent') {
    updated = await updateMessage(context.db, row.id, {
      status: 'sent',
      attempts,
      next_attempt_at: null,
      last_error: null,
      sent_at: now,
      updated_at: now,
    })
    context.logger.info(logFields(updated), 'notification sent')
  } else if (outcome.status === 'retry' && attempts < context.policy.maxAttempts) {
    const next = new Date(now.getTime() + retryDelayMs(context.policy, attempts))
    updated = await updateMessage(context.db, row.id, {
      status: 'queued',
      attempts,
      next_attempt_at: next,
      last_error: outcome.reason,
      updated_at: now,
    })
    context.logger.warn(
      { ...logFields(updated), 'notify.next_attempt_at': next.toISOString() },
      'notification attempt failed; will retry',
    )
  } else {
    const reason =
      outcome.status === 'retry'
        ? `${outcome.reason}; gave up after ${attempts} attempts`
        : outcome.reason
    updated = await updateMessage(context.db, row.id, {
      status: 'failed',
      attempts,
      next_attempt_at: null,
      last_error: reason,
      updated_at: now,
    })
    context.logger.error(logFields(updated), 'notification failed')
  }
  return updated
}

function sender(
  transports: Transports,
  row: MessageRow,
): ((content: MessageContent) => Promise<DeliveryOutcome>) | undefined {
  const { email, sms, webhook } = transports
  switch (row.channel) {
    case 'email':
      return (
        email &&
        ((c) =>
          email.send({
            id: row.id,
            to: c.recipient,
            subject: c.subject ?? '',
            text: c.text,
            ...(c.html !== undefined && { html: c.html }),
            language: row.language ?? 'eng',
            template: row.template ?? '',
            ...(c.attachments !== undefined && { attachments: c.attachments }),
          }))
      )
    case 'sms':
      return (
        sms &&
        ((c) =>
          c.attachments ? noAttachments() : sms.send({ id: row.id, to: c.recipient, text: c.text }))
      )
    case 'webhook':
      return (c) =>
        c.attachments
          ? noAttachments()
          : webhook.send({ id: row.id, url: c.recipient, secret: c.secret ?? '', body: c.text })
  }
}

// `send` refuses attachments on these channels; a stored row that has them anyway is not sent.
async function noAttachments(): Promise<DeliveryOutcome> {
  return { status: 'failed', reason: 'attachments not supported on this channel' }
}
