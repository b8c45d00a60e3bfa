import { postJson } from './http-outcome.js'
import type { WebhookTransport } from './transport.js'
import { signWebhook } from './webhook-signature.js'

/**
 * POSTs webhooks signed per Standard Webhooks (see webhook-signature.ts); every attempt is
 * signed afresh with its own timestamp and the same `webhook-id`. Classification as for SMS.
 */
export function createHttpWebhookTransport(
  options: { timeoutMs?: number; now?: () => Date } = {},
): WebhookTransport {
  const now = options.now ?? (() => new Date())
  return {
    send(webhook) {
      const timestamp = Math.floor(now().getTime() / 1000)
      const headers = signWebhook({
        id: webhook.id,
        secret: webhook.secret,
        body: webhook.body,
        timestamp,
      })
      return postJson(webhook.url, webhook.body, { ...headers }, options.timeoutMs ?? 10_000)
    },
  }
}
