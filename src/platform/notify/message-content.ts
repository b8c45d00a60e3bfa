import type { FieldCipher } from '../crypto/field-cipher.js'
import { notifyErrors } from './errors.js'
import {
  deserialiseAttachments,
  type MessageAttachment,
  serialiseAttachments,
} from './message-attachment.js'
import type { MessageRow } from './notify.tables.js'

/** The personal part of a message, in the clear. */
export interface MessageContent {
  /** Email address, phone number or webhook URL. */
  readonly recipient: string
  readonly subject?: string
  /** Plain-text body, SMS text or webhook JSON. */
  readonly text: string
  readonly html?: string
  /** Webhook signing secret. */
  readonly secret?: string
  /** Files sent with an email. */
  readonly attachments?: readonly MessageAttachment[]
}

/** The columns MessageContent is stored in, each one a ciphertext. */
export type EncryptedContent = Pick<
  MessageRow,
  'recipient' | 'subject' | 'body_text' | 'body_html' | 'secret' | 'attachments'
>

// Field names bound into each ciphertext: a value moved to another column fails to decrypt.
const fields = {
  recipient: 'recipient',
  subject: 'subject',
  text: 'bodyText',
  html: 'bodyHtml',
  secret: 'secret',
  attachments: 'attachments',
} as const

/** Encrypts every part of a message under its id. */
export async function encryptContent(
  cipher: FieldCipher,
  id: string,
  content: MessageContent,
): Promise<EncryptedContent> {
  const seal = (value: string | undefined, field: string) =>
    value === undefined ? Promise.resolve(null) : cipher.encrypt(value, { recordId: id, field })
  const files = content.attachments?.length ? serialiseAttachments(content.attachments) : undefined
  const [recipient, subject, text, html, secret, attachments] = await Promise.all([
    seal(content.recipient, fields.recipient),
    seal(content.subject, fields.subject),
    seal(content.text, fields.text),
    seal(content.html, fields.html),
    seal(content.secret, fields.secret),
    seal(files, fields.attachments),
  ])
  return {
    recipient: recipient as string,
    subject,
    body_text: text as string,
    body_html: html,
    secret,
    attachments,
  }
}

/**
 * Decrypts a stored message; MOS-NTF-500 when a value was altered or its key is gone.
 * Attachments are decrypted only when the row carries them (pass `attachments: null` to skip
 * them, as the outbox listing does: they may be megabytes).
 */
export async function decryptContent(
  cipher: FieldCipher,
  row: Omit<EncryptedContent, 'attachments'> &
    Partial<Pick<EncryptedContent, 'attachments'>> &
    Pick<MessageRow, 'id'>,
): Promise<MessageContent> {
  const open = (value: string | null, field: string) =>
    value === null ? Promise.resolve(undefined) : cipher.decrypt(value, { recordId: row.id, field })
  try {
    const [recipient, subject, text, html, secret, files] = await Promise.all([
      open(row.recipient, fields.recipient),
      open(row.subject, fields.subject),
      open(row.body_text, fields.text),
      open(row.body_html, fields.html),
      open(row.secret, fields.secret),
      open(row.attachments ?? null, fields.attachments),
    ])
    return {
      recipient: recipient as string,
      text: text as string,
      ...(subject !== undefined && { subject }),
      ...(html !== undefined && { html }),
      ...(secret !== undefined && { secret }),
      ...(files !== undefined && { attachments: deserialiseAttachments(files) }),
    }
  } catch (error) {
    throw notifyErrors.messageUnreadable(row.id, error)
  }
}
