/** A field as read back: its text, and whether it was quoted (to tell null from ''). */
export interface CsvField {
  readonly text: string
  readonly quoted: boolean
}

/**
 * An RFC 4180 reader written for the tests, independent of the writer: records end in CRLF,
 * quoted fields may hold commas, CRLF and doubled quotes. Throws on anything else.
 */
export function readCsv(input: string): CsvField[][] {
  const records: CsvField[][] = []
  let record: CsvField[] = []
  let i = 0
  for (;;) {
    let text = ''
    let quoted = false
    if (input[i] === '"') {
      quoted = true
      i++
      for (;;) {
        const next = input.indexOf('"', i)
        if (next === -1) throw new Error('unterminated quoted field')
        text += input.slice(i, next)
        if (input[next + 1] === '"') {
          text += '"'
          i = next + 2
        } else {
          i = next + 1
          break
        }
      }
    } else {
      const match = /[,\r\n"]/.exec(input.slice(i))
      const end = match === null ? input.length : i + match.index
      text = input.slice(i, end)
      i = end
    }
    record.push({ text, quoted })
    if (input[i] === ',') {
      i++
      continue
    }
    if (input.startsWith('\r\n', i)) {
      records.push(record)
      record = []
      i += 2
      if (i === input.length) return records
      continue
    }
    throw new Error(`unexpected ${JSON.stringify(input[i] ?? 'end of input')} at ${i}`)
  }
}
