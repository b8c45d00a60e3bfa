/** A parsed email: headers (lower-case names, decoded) and its text and HTML parts. */
export interface ParsedMail {
  readonly headers: Map<string, string>
  readonly text?: string
  readonly html?: string
}

/**
 * Just enough MIME for tests to read what nodemailer sends: unfolded headers with RFC 2047
 * encoded words, single-part or multipart bodies, quoted-printable and base64 parts.
 */
export function parseMime(raw: string): ParsedMail {
  const { headers, body } = splitEntity(raw)
  const parts: { headers: Map<string, string>; body: string }[] = []
  const contentType = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break
      parts.push(splitEntity(chunk.replace(/^\r?\n/, '')))
    }
  } else {
    parts.push({ headers, body })
  }
  const find = (type: string) => {
    const part = parts.find((p) => (p.headers.get('content-type') ?? 'text/plain').startsWith(type))
    return part && decodeBody(part.body, part.headers.get('content-transfer-encoding'))
  }
  const text = find('text/plain')
  const html = find('text/html')
  return { headers, ...(text !== undefined && { text }), ...(html !== undefined && { html }) }
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
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
