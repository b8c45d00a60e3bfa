import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint.js'
import { NoteError } from './note-error.js'
import { hasControl, sofaCheckpointText } from './note-vectors.test-kit.js'

const emptyRoot = createHash('sha256').digest()

describe('checkpoint', () => {
  it('reads and writes back the tlog-checkpoint spec example', () => {
    const c = parseCheckpoint(sofaCheckpointText)
    expect(c.origin).toBe('example.com/behind-the-sofa')
    expect(c.size).toBe(20852163)
    expect(c.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=')
    expect(c.extensions).toEqual([])
    expect(formatCheckpoint(c)).toBe(sofaCheckpointText)
  })

  it('keeps extension lines in order', () => {
    const c: Checkpoint = {
      origin: 'log.example',
      size: 0,
      rootHash: emptyRoot,
      extensions: ['ext one', 'ext — two'],
    }
    const text = formatCheckpoint(c)
    expect(text).toBe(`log.example\n0\n${emptyRoot.toString('base64')}\next one\next — two\n`)
    expect(parseCheckpoint(text)).toEqual(c)
  })

  const root = emptyRoot.toString('base64')
  it.each([
    ['no final newline', `o\n1\n${root}`],
    ['two lines', `o\n1\n`],
    ['an empty origin', `\n1\n${root}\n`],
    ['a leading zero', `o\n01\n${root}\n`],
    ['a signed size', `o\n+1\n${root}\n`],
    ['a size with spaces', `o\n 1\n${root}\n`],
    ['a size beyond 2^53', `o\n18446744073709551615\n${root}\n`],
    ['a short hash', `o\n1\n${emptyRoot.subarray(1).toString('base64')}\n`],
    ['a URL-safe hash', `o\n1\n${emptyRoot.toString('base64url')}\n`],
    ['a hash with whitespace', `o\n1\n ${root}\n`],
    ['an empty extension line', `o\n1\n${root}\n\next\n`],
    ['a trailing blank line', `o\n1\n${root}\n\n`],
    ['a tab in the origin', `o\tx\n1\n${root}\n`],
  ])('refuses %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(NoteError)
  })

  it('refuses to write what it would not read', () => {
    const base: Checkpoint = { origin: 'o', size: 1, rootHash: emptyRoot, extensions: [] }
    for (const bad of [
      { ...base, origin: '' },
      { ...base, origin: 'a\nb' },
      { ...base, size: -1 },
      { ...base, size: 1.5 },
      { ...base, size: 2 ** 53 },
      { ...base, rootHash: Buffer.alloc(31) },
      { ...base, extensions: [''] },
    ]) {
      expect(() => formatCheckpoint(bad)).toThrow(NoteError)
    }
  })

  it('round-trips any valid checkpoint', () => {
    const line = fc
      .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
      .filter((s) => !hasControl(s))
    fc.assert(
      fc.property(
        line,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(line, { maxLength: 3 }),
        (origin, size, hash, extensions) => {
          const c = { origin, size, rootHash: Buffer.from(hash), extensions }
          expect(parseCheckpoint(formatCheckpoint(c))).toEqual(c)
        },
      ),
      { numRuns: 300 },
    )
  })
})
