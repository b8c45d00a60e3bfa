import { describe, expect, it } from 'vitest'
import { copyTextRow, timestampText } from './copy-text.js'

describe('COPY text rows', () => {
  it('separates fields with tabs, writes \\N for null and ends with a newline', () => {
    expect(copyTextRow(['a', 1, true, false, null, 2.5])).toBe('a\t1\tt\tf\t\\N\t2.5\n')
  })

  it('escapes the characters COPY gives a meaning, and nothing else', () => {
    expect(copyTextRow(['back\\slash', 'tab\there', 'new\nline', 'cr\rhere', 'Ñandú "q" ,;'])).toBe(
      'back\\\\slash\ttab\\there\tnew\\nline\tcr\\rhere\tÑandú "q" ,;\n',
    )
  })

  it('writes bytea as escaped hex, whatever view of a buffer it is', () => {
    const bytes = Buffer.from([0, 1, 254, 255, 16])
    expect(copyTextRow([bytes.subarray(1, 4)])).toBe('\\\\x01feff\n')
  })

  it('formats timestamps in UTC to the millisecond, before 1970 too', () => {
    for (const iso of [
      '2026-03-01T23:59:59.123Z',
      '2026-03-02T00:00:00.000Z',
      '1931-07-15T01:02:03.004Z',
      '1969-12-31T23:59:59.999Z',
    ])
      expect(timestampText(new Date(iso))).toBe(iso.slice(0, -1))
    // A run of one day then another, as a bulk load formats them.
    expect(
      copyTextRow([new Date('2026-03-01T08:00:00Z'), new Date('2026-03-02T09:30:00.5Z')]),
    ).toBe('2026-03-01T08:00:00.000\t2026-03-02T09:30:00.500\n')
  })
})
