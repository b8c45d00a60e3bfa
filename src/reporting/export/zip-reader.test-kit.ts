import { crc32, inflateRawSync } from 'node:zlib'

/**
 * The entries of a ZIP archive, read the way a spreadsheet application does: from the end of
 * central directory record through the central directory to each local header, inflating and
 * checking every CRC and size. Written for the tests, independent of the writer.
 */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd === -1) throw new Error('no end of central directory')
  const count = archive.readUInt16LE(eocd + 10)
  let at = archive.readUInt32LE(eocd + 16)
  const entries = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central record at ${at}`)
    const method = archive.readUInt16LE(at + 10)
    const crc = archive.readUInt32LE(at + 16)
    const compressedSize = archive.readUInt32LE(at + 20)
    const size = archive.readUInt32LE(at + 24)
    const nameLength = archive.readUInt16LE(at + 28)
    const extraLength = archive.readUInt16LE(at + 30)
    const commentLength = archive.readUInt16LE(at + 32)
    const offset = archive.readUInt32LE(at + 42)
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength)
    if (archive.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header: ${name}`)
    const localName = archive.readUInt16LE(offset + 26)
    const localExtra = archive.readUInt16LE(offset + 28)
    const start = offset + 30 + localName + localExtra
    const data = archive.subarray(start, start + compressedSize)
    const content = method === 8 ? inflateRawSync(data) : Buffer.from(data)
    if (content.length !== size) throw new Error(`size mismatch: ${name}`)
    if (crc32(content) >>> 0 !== crc) throw new Error(`crc mismatch: ${name}`)
    entries.set(name, content)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Throws unless every tag in `xml` is closed in order (a well-formedness check of tags). */
export function assertBalancedXml(xml: string): void {
  const stack: string[] = []
  for (const match of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match
    if (selfClosing === '/') continue
    if (closing === '/') {
      const open = stack.pop()
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`)
    } else stack.push(name)
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`)
}

/** A worksheet cell as read from the sheet XML. */
export interface SheetCell {
  readonly style: number
  /** `t` attribute: `inlineStr` for text, undefined for numbers. */
  readonly type: string | undefined
  /** The number as written, or the text with XML entities decoded. */
  readonly value: string
}

/** The cells of a worksheet, by reference (`A1`, `B3`…). */
export function readSheetCells(sheetXml: string): Map<string, SheetCell> {
  const cells = new Map<string, SheetCell>()
  const cellPattern = /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(.*?)<\/c>/gs
  for (const [, ref = '', style, type, inner = ''] of sheetXml.matchAll(cellPattern)) {
    const number = /^<v>([^<]*)<\/v>$/.exec(inner)
    const text = /^<is><t(?: xml:space="preserve")?>(.*)<\/t><\/is>$/s.exec(inner)
    const raw = number?.[1] ?? text?.[1]
    if (raw === undefined) throw new Error(`cell ${ref} has neither <v> nor inline text`)
    cells.set(ref, { style: Number(style ?? 0), type, value: decodeEntities(raw) })
  }
  return cells
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
}
