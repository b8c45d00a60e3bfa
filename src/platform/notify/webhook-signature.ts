import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { notifyErrors } from './errors.js'

/**
 * Webhook signing as Standard Webhooks (standardwebhooks.com) defines it, so receivers can use
 * any of its libraries or `verifyWebhook` below. Each request carries:
 *
 *   webhook-id:        the message id, the same on every retry (deduplicate on it)
 *   webhook-timestamp: Unix seconds of this attempt
 *   webhook-signature: `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`, several
 *                      separated by spaces while a secret is rotated
 *
 * The secret is `whsec_` followed by the base64 of a 24-64 byte key.
 */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((secret) => keyOf(secret).length >= 24 && keyOf(secret).length <= 64, {
    message: 'must hold a key of 24 to 64 bytes',
  })

/** A new random webhook secret (32-byte key). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

/** The three headers of one signed request. */
export type WebhookHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs one attempt of a webhook.
 *
 * @example
 * const headers = signWebhook({ id, secret, body: JSON.stringify(payload) })
 */
export function signWebhook(input: {
  id: string
  secret: string
  body: string | Uint8Array
  timestamp?: number
}): WebhookHeaders {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000))
  const signature = hmac(input.secret, input.id, timestamp, input.body).toString('base64')
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  }
}

/** Request headers as Node (IncomingHttpHeaders) or fetch (Headers) give them. */
export type HeaderSource =
  Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * Checks a received webhook: the signature must match the raw body, and the timestamp must be
 * within `toleranceSeconds` (default 300) of now, so a captured request cannot be replayed
 * later. Throws MOS-NTF-401 otherwise. Pass the body exactly as received, before JSON parsing.
 *
 * @example
 * verifyWebhook({ secret, headers: request.headers, body: rawBody })
 * const event = JSON.parse(rawBody)
 */
export function verifyWebhook(input: {
  secret: string
  headers: HeaderSource
  body: string | Uint8Array
  now?: Date
  toleranceSeconds?: number
}): void {
  const id = header(input.headers, 'webhook-id')
  const timestamp = header(input.headers, 'webhook-timestamp')
  const signatures = header(input.headers, 'webhook-signature')
  if (!id || !timestamp || !signatures)
    throw notifyErrors.webhookSignatureInvalid('missing webhook headers')
  if (!/^\d{1,12}$/.test(timestamp))
    throw notifyErrors.webhookSignatureInvalid('malformed timestamp')
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000)
  if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? 300)) {
    throw notifyErrors.webhookSignatureInvalid('timestamp outside the tolerance')
  }
  const expected = hmac(input.secret, id, timestamp, input.body)
  const matches = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2)
    if (version !== 'v1' || !value) return false
    const given = Buffer.from(value, 'base64')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matches) throw notifyErrors.webhookSignatureInvalid('no signature matches')
}

function hmac(secret: string, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.`).update(body).digest()
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
}

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name]
  if (value === null || value === undefined) return undefined
  return typeof value === 'string' ? value : value.join(' ')
}
