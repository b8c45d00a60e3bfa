import { postJson } from './http-outcome.js'
import type { OutgoingSms, SmsTransport } from './transport.js'

export interface HttpSmsTransportOptions {
  /** Gateway endpoint (`notify.smsGatewayUrl`). */
  readonly url: string
  /** Sent as `Authorization: Bearer <token>` when set (`notify.smsGatewayToken`). */
  readonly token?: string
  /** JSON body for a gateway with its own shape; default `{to, message}`. */
  readonly body?: (sms: OutgoingSms) => unknown
  readonly timeoutMs?: number
}

/**
 * SMS through an HTTP gateway: POST JSON (default `{"to": "+254…", "message": "…"}`) with a
 * Bearer token and an `Idempotency-Key` (the message id) for gateways that deduplicate.
 * 2xx = sent; 4xx = failed for good (408/429 excepted); 5xx, timeouts, network = retry.
 *
 * @example
 * const sms = createHttpSmsTransport({ url: settings.notify.smsGatewayUrl, token })
 */
export function createHttpSmsTransport(options: HttpSmsTransportOptions): SmsTransport {
  const toBody = options.body ?? ((sms: OutgoingSms) => ({ to: sms.to, message: sms.text }))
  return {
    send(sms) {
      const headers: Record<string, string> = { 'idempotency-key': sms.id }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      return postJson(
        options.url,
        JSON.stringify(toBody(sms)),
        headers,
        options.timeoutMs ?? 10_000,
      )
    },
  }
}
