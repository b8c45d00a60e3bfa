import type { MessageAttachment } from './message-attachment.js'

/**
 * What one delivery attempt came to. `retry` means the failure may pass (a 5xx, a timeout, a
 * closed connection); `failed` means it will not (a 4xx, an address the relay refuses).
 * `reason` is stored and logged, so it never holds personal data: `smtp 550`, `http 503`.
 */
export type DeliveryOutcome =
  | { readonly status: 'sent' }
  | { readonly status: 'retry'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string }

/** An email ready to go. */
export interface OutgoingEmail {
  readonly id: string
  /** One address, or several separated by commas (all in `To:`). */
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html?: string
  /** ISO 639-3 language of the content. */
  readonly language: string
  readonly template: string
  readonly attachments?: readonly MessageAttachment[]
}

/** An SMS ready to go. */
export interface OutgoingSms {
  readonly id: string
  readonly to: string
  readonly text: string
}

/** A webhook ready to go; `body` is the exact JSON text that is signed and sent. */
export interface OutgoingWebhook {
  readonly id: string
  readonly url: string
  readonly secret: string
  readonly body: string
}

/** Sends email; the built-in one is SMTP through nodemailer. */
export interface EmailTransport {
  send(email: OutgoingEmail): Promise<DeliveryOutcome>
  close(): Promise<void>
}

/** Sends SMS; the built-in one is an HTTP gateway. */
export interface SmsTransport {
  send(sms: OutgoingSms): Promise<DeliveryOutcome>
}

/** POSTs signed webhooks. */
export interface WebhookTransport {
  send(webhook: OutgoingWebhook): Promise<DeliveryOutcome>
}
