/** An attachment as read back: its file name, content type and decoded bytes. */
export interface ParsedAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: Buffer
}

/** A parsed email: headers (lower-case names, decoded), its text and HTML parts, attachments. */
export interface ParsedMail {
  readonly headers: Map<string, string>
  readonly text?: string
  readonly html?: string
  readonly attachments: ParsedAttachment[]
}

interface Entity {
  headers: Map<string, string>
  body: string
}

/**
 * Just enough MIME for tests to read what nodemailer sends: unfolded headers with RFC 2047
 * encoded words, single-part or (nested) multipart bodies, quoted-printable and base64 parts.
 */
export function parseMime(raw: string): ParsedMail {
  const top = splitEntity(raw)
  const parts = leaves(top)
  const inline = parts.filter(
    (p) => !/^attachment/i.test(p.headers.get('content-disposition') ?? ''),
  )
  const find = (type: string) => {
    const part = inline.find((p) =>
      (p.headers.get('content-type') ?? 'text/plain').startsWith(type),
    )
    return part && decodeBody(part.body, part.headers.get('content-transfer-encoding'))
  }
  const text = find('text/plain')
  const html = find('text/html')
  const attachments = parts
    .filter((p) => /^attachment/i.test(p.headers.get('content-disposition') ?? ''))
    .map((p) => ({
      filename: parameter(p.headers.get('content-disposition') ?? '', 'filename') ?? '',
      contentType: p.headers.get('content-type') ?? '',
      content: decodeBytes(p.body, p.headers.get('content-transfer-encoding')),
    }))
  return {
    headers: top.headers,
    ...(text !== undefined && { text }),
    ...(html !== undefined && { html }),
    attachments,
  }
}

function leaves(entity: Entity): Entity[] {
  const contentType = entity.headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!boundary || !/^multipart\//i.test(contentType)) return [entity]
  const parts: Entity[] = []
  for (const chunk of entity.body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break
    parts.push(...leaves(splitEntity(chunk.replace(/^\r?\n/, ''))))
  }
  return parts
}

function parameter(header: string, name: string): string | undefined {
  return new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header)?.[1]
}

function decodeBytes(body: string, encoding: string | undefined): Buffer {
  const trimmed = body.replace(/\r?\n$/, '')
  if (encoding?.toLowerCase() === 'base64')
    return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64')
  if (encoding?.toLowerCase() === 'quoted-printable')
    return Buffer.from(decodeQuotedPrintable(trimmed.replace(/=\r?\n/g, '')), 'utf8')
  return Buffer.from(trimmed, 'utf8')
}

function splitEntity(raw: string): Entity {
  const end = raw.search(/\r?\n\r?\n/)
  const head = end < 0 ? raw : raw.slice(0, end)
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(
        line.slice(0, colon).trim().toLowerCase(),
        decodeWords(line.slice(colon + 1).trim()),
      )
  }
  return { headers, body }
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g,
      (_m, _charset: string, kind: string, data: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replaceAll('_', ' ')),
    )
}

function decodeBody(body: string, encoding: string | undefined): string {
  const trimmed = body.replace(/\r?\n$/, '')
  const decoded =
    encoding?.toLowerCase() === 'base64'
      ? Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding?.toLowerCase() === 'quoted-printable'
        ? decodeQuotedPrintable(trimmed.replace(/=\r?\n/g, ''))
        : trimmed
  return decoded.replace(/\r\n/g, '\n')
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(value[i] as string, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}
