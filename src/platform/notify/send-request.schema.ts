import { z } from 'zod'
import { notifyErrors } from './errors.js'
import { attachmentsSchema } from './message-attachment.js'
import { languageSchema, templateNameSchema } from './notify-template.js'
import { webhookSecretSchema } from './webhook-signature.js'

/** Phone numbers as gateways take them: digits, optionally after '+' (E.164 preferred). */
const phoneSchema = z
  .string()
  .regex(/^\+?[0-9]{6,15}$/, 'must be a phone number, e.g. +254700000001')

const common = {
  template: templateNameSchema,
  /** Preferred language; falls back to `notify.defaultLanguage`, then 'eng'. */
  language: languageSchema.optional(),
  variables: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
      z.union([z.string().max(4000), z.number()]),
    )
    .default({}),
  /** Sending again with the same key stores and sends nothing more (at-least-once callers). */
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** Give up rather than deliver after this instant (an OTP's expiry). */
  expiresAt: z.date().optional(),
}

/** A templated email or SMS. */
export const sendRequestSchema = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('email'),
    /** One address, or up to 50 that all receive the same message (all in `To:`). */
    to: z.union([
      z.email('must be an email address'),
      z.array(z.email('must be an email address')).min(1).max(50),
    ]),
    ...common,
    /** Files sent with the email; stored encrypted with the message, so retries resend them. */
    attachments: attachmentsSchema.optional(),
  }),
  z.strictObject({ channel: z.literal('sms'), to: phoneSchema, ...common }),
])

export type SendRequest = z.input<typeof sendRequestSchema>

/** A signed webhook: `data` goes out as `{"type": event, "timestamp": …, "data": …}`. */
export const webhookRequestSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  event: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be an event type such as case.opened'),
  data: z.json(),
  secret: webhookSecretSchema,
  idempotencyKey: common.idempotencyKey,
  expiresAt: common.expiresAt,
})

export type WebhookRequest = z.input<typeof webhookRequestSchema>

/**
 * MOS-NTF-006 for an SMS or webhook request that carries attachments: only email can. Checked
 * before the schema, so the caller gets this rather than "unrecognized key".
 */
export function refuseAttachments(channel: string, input: unknown): void {
  if (typeof input === 'object' && input !== null && 'attachments' in input) {
    throw notifyErrors.attachmentsNotSupported(channel)
  }
}

/**
 * Validates a request at the service boundary. The error lists fields and problems, never the
 * values given: they are addresses and numbers.
 */
export function parseRequest<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw notifyErrors.invalidRequest(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`),
  )
}
