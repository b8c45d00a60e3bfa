import { createHash, generateKeyPairSync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ed25519Signer, NoteError, signNote } from './signed-note.js'
import { formatTlogProof, parseTlogProof, tlogProofHeader } from './tlog-proof.js'

const log = ed25519Signer('example.com/fancylog', generateKeyPairSync('ed25519').privateKey)
const checkpoint = signNote(
  'example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n',
  [log],
)

/** The head of the tlog-proof spec example; its signature lines are elided there. */
const specHead =
  'c2sp.org/tlog-proof@v1\n' +
  'extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ\n' +
  'index 73894\n' +
  'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n' +
  'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=\n' +
  'EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=\n' +
  'RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=\n' +
  'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=\n' +
  '\n'

const hash = (i: number) => createHash('sha256').update(String(i)).digest()

describe('tlog-proof@v1', () => {
  it('reads the spec example (with our own signature lines) and writes it back', () => {
    const text = specHead + checkpoint
    const proof = parseTlogProof(text)
    expect(proof.index).toBe(73894)
    expect(proof.extra!.subarray(0, 30).toString()).toBe('age-v1.2.1-darwin-arm64.tar.gz')
    expect(proof.proof).toHaveLength(5)
    expect(proof.proof[0]!.toString('base64')).toBe('gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=')
    expect(proof.checkpoint).toBe(checkpoint)
    expect(formatTlogProof(proof)).toBe(text)
  })

  it('omits the extra line when there is no extra data', () => {
    const text = formatTlogProof({ index: 0, proof: [], checkpoint })
    expect(text).toBe(`${tlogProofHeader}\nindex 0\n\n${checkpoint}`)
    expect(parseTlogProof(text)).toEqual({ index: 0, proof: [], checkpoint })
    expect('extra' in parseTlogProof(text)).toBe(false)
  })

  it.each([
    ['another version', (t: string) => t.replace('@v1', '@v2')],
    ['a missing header', (t: string) => t.slice(tlogProofHeader.length + 1)],
    ['an empty extra', (t: string) => t.replace(/extra \S+/, 'extra ')],
    ['a bad extra', (t: string) => t.replace(/extra \S+/, 'extra ***')],
    ['extra after index', (t: string) => t.replace(/(extra \S+)\n(index \d+)/, '$2\n$1')],
    ['a duplicated index', (t: string) => t.replace('index 73894\n', 'index 73894\nindex 73894\n')],
    ['a leading zero', (t: string) => t.replace('index 73894', 'index 073894')],
    ['no index', (t: string) => t.replace('index 73894\n', '')],
    [
      'a short hash',
      (t: string) => t.replace('gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=', 'AAAA'),
    ],
    ['no blank line', (t: string) => t.replace('5vk=\n\n', '5vk=\n')],
    ['an unsigned checkpoint', (t: string) => t.slice(0, t.lastIndexOf('\n\n') + 1)],
    ['CRLF', (t: string) => t.replaceAll('\n', '\r\n')],
  ])('refuses a proof with %s', (_, change) => {
    expect(() => parseTlogProof(change(specHead + checkpoint))).toThrow(NoteError)
  })

  it('accepts 63 proof lines and refuses 64', () => {
    const proof = Array.from({ length: 64 }, (_, i) => hash(i))
    const ok = formatTlogProof({ index: 1, proof: proof.slice(0, 63), checkpoint })
    expect(parseTlogProof(ok).proof).toHaveLength(63)
    const tooMany = ok.replace('\n\n', `\n${hash(99).toString('base64')}\n\n`)
    expect(() => parseTlogProof(tooMany)).toThrow(/63/)
    expect(() => formatTlogProof({ index: 1, proof, checkpoint })).toThrow(NoteError)
  })

  it('round-trips any proof', () => {
    fc.assert(
      fc.property(
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { nil: undefined }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 63 }),
        (extra, index, proof) => {
          const p = {
            ...(extra === undefined ? {} : { extra: Buffer.from(extra) }),
            index,
            proof: proof.map((h) => Buffer.from(h)),
            checkpoint,
          }
          expect(parseTlogProof(formatTlogProof(p))).toEqual(p)
        },
      ),
      { numRuns: 200 },
    )
  })
})
