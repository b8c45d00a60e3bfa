/**
 * PDF's standard 14 fonts (Helvetica here) need no embedding but only hold WinAnsi (Windows-1252)
 * characters, and pdfkit writes any other character as a wrong code. So text is brought into
 * that set first: Latin-1 and the Windows-1252 extras (€, Œ, Š, curly quotes, dashes…) stay as
 * they are, which covers French, Spanish, Portuguese and German names; other letters lose their
 * accent (ő → o, ł → l) and anything else becomes `?`. The CSV, JSON and XLSX keep the exact text.
 */

// The characters Windows-1252 puts in 0x80-0x9F, which pdfkit maps for the standard fonts.
const windows1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
// Letters whose accent is not a combining mark, so that NFKD leaves them whole.
const strokeLetters: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
  ŀ: 'l',
  Ŀ: 'L',
}
const combiningMarks = /[\u0300-\u036f]/g

function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || windows1252Extras.has(char)
  )
}

/** `text` in characters the standard fonts can show; line breaks are kept as `\n`. */
export function toWinAnsi(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC').replaceAll('\r\n', '\n')) {
    if (char === '\n' || isPrintable(char)) out += char
    else if (char === '\t' || char === '\r') out += ' '
    else out += fallback(char)
  }
  return out
}

function fallback(char: string): string {
  const stroke = strokeLetters[char]
  if (stroke !== undefined) return stroke
  const bare = char.normalize('NFKD').replace(combiningMarks, '')
  return bare !== '' && [...bare].every(isPrintable) ? bare : '?'
}
