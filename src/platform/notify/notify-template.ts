import { z } from 'zod'

/** Channels that carry rendered templates (webhooks carry JSON instead). */
export type TemplateChannel = 'email' | 'sms'

/**
 * One template in one language. `{{name}}` placeholders are filled from the message's
 * variables; in `html` the values are HTML-escaped. Email needs `subject` and `text` (the
 * plain-text part, always sent) and may add `html`; SMS has `text` only.
 */
export interface NotifyTemplate {
  readonly name: string
  readonly channel: TemplateChannel
  /** ISO 639-3, as MOSIP: 'eng', 'fra', 'ara'. */
  readonly language: string
  readonly subject?: string
  readonly text: string
  readonly html?: string
}

/** Template names: lower-case words joined by hyphens ('otp', 'welcome-staff'). */
export const templateNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(64)

/** ISO 639-3 language code. */
export const languageSchema = z
  .string()
  .regex(/^[a-z]{3}$/, 'must be an ISO 639-3 code such as eng')

/** A template as an administrator submits it; channel rules are checked here, at the boundary. */
export const notifyTemplateSchema = z
  .strictObject({
    name: templateNameSchema,
    channel: z.enum(['email', 'sms']),
    language: languageSchema,
    subject: z.string().trim().min(1).max(400).optional(),
    text: z.string().min(1).max(20_000),
    html: z.string().min(1).max(100_000).optional(),
  })
  .superRefine((template, context) => {
    if (template.channel === 'email' && !template.subject) {
      context.addIssue({
        code: 'custom',
        path: ['subject'],
        message: 'an email template needs a subject',
      })
    }
    if (template.channel === 'sms' && (template.subject || template.html)) {
      context.addIssue({
        code: 'custom',
        path: ['channel'],
        message: 'an SMS template has text only',
      })
    }
  })
