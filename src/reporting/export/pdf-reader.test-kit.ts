import { inflateSync } from 'node:zlib'

/**
 * What a PDF shows, read without pdfkit: every FlateDecode stream is inflated and the strings
 * of its text operators (Tj and TJ, hex or literal) are decoded as WinAnsi, one string per text
 * operator (kerning splits inside a TJ array are joined). Pages are the `/Type /Page` objects.
 */
export function readPdf(pdf: Buffer): { pages: number; texts: string[]; pageTexts: string[][] } {
  const raw = pdf.toString('latin1')
  const pages = [...raw.matchAll(/\/Type \/Page\b/g)].length
  const pageTexts: string[][] = []
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g
  for (const match of raw.matchAll(streamPattern)) {
    const start = (match.index ?? 0) + match[0].length
    const end = raw.indexOf('endstream', start)
    let data = pdf.subarray(start, end)
    if ((match[1] ?? '').includes('/FlateDecode')) {
      try {
        data = inflateSync(data)
      } catch {
        continue // fonts and images are not content streams
      }
    }
    const texts = textsOf(data.toString('latin1'))
    if (texts.length > 0) pageTexts.push(texts)
  }
  return { pages, texts: pageTexts.flat(), pageTexts }
}

function textsOf(content: string): string[] {
  const texts: string[] = []
  for (const [, array, single] of content.matchAll(
    /\[((?:<[0-9a-fA-F]*>|\([^)]*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\([^)]*\))\s*Tj/g,
  )) {
    const parts = (array ?? single ?? '').match(/<[0-9a-fA-F]*>|\([^)]*\)/g) ?? []
    texts.push(parts.map(decodeString).join(''))
  }
  return texts
}

function decodeString(token: string): string {
  if (token.startsWith('<')) return Buffer.from(token.slice(1, -1), 'hex').toString('latin1')
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1')
}
