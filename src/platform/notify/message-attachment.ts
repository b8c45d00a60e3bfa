import { z } from 'zod'

/** A file sent with an email. */
export interface MessageAttachment {
  /** Sanitised file name: no path, no control or quoting characters, at most 120 characters. */
  readonly filename: string
  /** MIME type, optionally with parameters (`text/csv; charset=utf-8`). */
  readonly contentType: string
  readonly content: Buffer
}

/** Largest total size of a message's attachments: relays commonly refuse more than this. */
export const maxAttachmentBytes = 10 * 1024 * 1024

/** Most attachments one message may carry. */
export const maxAttachments = 10

/**
 * Makes a caller's file name safe for a MIME header and for the recipient's disk: keeps the
 * last path segment, replaces anything but letters, digits, `._-()` and spaces, and never
 * starts with a dot (a hidden file) or is empty.
 */
export function sanitiseFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-() ]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  const limited = cleaned.length > 120 ? cleaned.slice(cleaned.length - 120) : cleaned
  return limited === '' ? 'attachment' : limited
}

const token = '[A-Za-z0-9!#$&^_.+-]+'
const contentTypePattern = new RegExp(
  `^${token}/${token}(\\s*;\\s*${token}=(${token}|"[^"\\r\\n]*"))*$`,
)

/** One attachment as a caller gives it; `content` is any byte array (a Buffer, say). */
export const attachmentSchema = z
  .strictObject({
    filename: z.string().min(1).max(255),
    contentType: z
      .string()
      .max(200)
      .regex(contentTypePattern, 'must be a MIME type such as text/csv'),
    content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
      error: 'must be bytes (a Buffer or Uint8Array)',
    }),
  })
  .transform((a): MessageAttachment => ({
    filename: sanitiseFilename(a.filename),
    contentType: a.contentType,
    content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }))

/** A message's attachments: at most `maxAttachments`, `maxAttachmentBytes` in all. */
export const attachmentsSchema = z
  .array(attachmentSchema)
  .max(maxAttachments)
  .superRefine((list, context) => {
    const total = list.reduce((sum, a) => sum + a.content.byteLength, 0)
    if (total > maxAttachmentBytes) {
      context.addIssue({
        code: 'custom',
        message: `attachments total ${total} bytes, more than the ${maxAttachmentBytes} allowed`,
      })
    }
  })

/** The stored form: one JSON document, encrypted whole as the `attachments` column. */
export function serialiseAttachments(list: readonly MessageAttachment[]): string {
  return JSON.stringify(
    list.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content.toString('base64'),
    })),
  )
}

const storedSchema = z.array(
  z.strictObject({ filename: z.string(), contentType: z.string(), content: z.base64() }),
)

/** Reads what `serialiseAttachments` wrote. */
export function deserialiseAttachments(text: string): MessageAttachment[] {
  return storedSchema.parse(JSON.parse(text)).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.content, 'base64'),
  }))
}
