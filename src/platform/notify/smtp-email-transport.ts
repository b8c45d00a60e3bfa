import { createTransport } from 'nodemailer'
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import type { DeliveryOutcome, EmailTransport, OutgoingEmail } from './transport.js'

export interface SmtpEmailTransportOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (`notify.smtpUrl`). */
  readonly url: string
  /** `From:` header (`notify.mailFrom`). */
  readonly from: string
}

const bcp47: Record<string, string> = { eng: 'en', fra: 'fr', ara: 'ar' }

/**
 * Email over SMTP through a small pool of connections to one relay. Query parameters of the
 * URL are nodemailer options (`?requireTLS=true`, `?tls.rejectUnauthorized=false`).
 *
 * @example
 * const email = createSmtpEmailTransport({ url: settings.notify.smtpUrl, from: settings.notify.mailFrom })
 */
export function createSmtpEmailTransport(options: SmtpEmailTransportOptions): EmailTransport {
  const transporter = createTransport(
    new SMTPPool({
      pool: true,
      url: options.url,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  )
  return {
    async send(email: OutgoingEmail): Promise<DeliveryOutcome> {
      try {
        await transporter.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...(email.html !== undefined && { html: email.html }),
          ...(email.attachments?.length && {
            attachments: email.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.contentType,
              contentDisposition: 'attachment' as const,
            })),
          }),
          headers: {
            'Content-Language': bcp47[email.language] ?? email.language,
            'X-Mosaic-Message-Id': email.id,
            'X-Mosaic-Template': email.template,
          },
        })
        return { status: 'sent' }
      } catch (error) {
        return outcomeOfSmtpError(error)
      }
    },
    async close() {
      transporter.close()
    },
  }
}

/**
 * Classifies a nodemailer error. A 4xx reply means try later and a 5xx reply means never,
 * except a refused login (EAUTH): that is the relay's configuration, which an operator fixes,
 * not the message's fault. Connection errors (ECONNECTION, ETIMEDOUT, ESOCKET, EDNS, ...) are
 * retried; a message nodemailer cannot build (EENVELOPE, EMESSAGE) is not. The reason keeps
 * codes only: SMTP replies echo addresses.
 */
export function outcomeOfSmtpError(error: unknown): DeliveryOutcome {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown }
  const name = typeof code === 'string' ? code : 'error'
  if (typeof responseCode === 'number') {
    const reason = `smtp ${responseCode}`
    const later = name === 'EAUTH' || (responseCode >= 400 && responseCode < 500)
    return later ? { status: 'retry', reason } : { status: 'failed', reason }
  }
  if (name === 'EENVELOPE' || name === 'EMESSAGE')
    return { status: 'failed', reason: `smtp ${name}` }
  return { status: 'retry', reason: `smtp ${name}` }
}
