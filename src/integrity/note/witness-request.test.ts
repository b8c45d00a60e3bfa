import { createHash, generateKeyPairSync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { specAddCheckpointBody, specAddCheckpointResponse } from './note-vectors.test-kit.js'
import { ed25519Signer, NoteError, signNote } from './signed-note.js'
import {
  formatAddCheckpoint,
  formatAddCheckpointResponse,
  formatSizeBody,
  parseAddCheckpoint,
  parseAddCheckpointResponse,
  parseSizeBody,
  tlogSizeContentType,
} from './witness-request.js'

const hash = (i: number) => createHash('sha256').update(String(i)).digest()
const log = ed25519Signer('log.example', generateKeyPairSync('ed25519').privateKey)
const checkpoint = signNote(`log.example\n5\n${hash(0).toString('base64')}\n`, [log])

describe('add-checkpoint bodies', () => {
  it('reads the spec example request and writes it back byte for byte', () => {
    const request = parseAddCheckpoint(specAddCheckpointBody)
    expect(request.oldSize).toBe(20852014)
    expect(request.proof.map((h) => h.toString('base64'))).toEqual([
      'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=',
      'jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=',
      '5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=',
      '/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=',
    ])
    expect(request.checkpoint.startsWith('example.com/behind-the-sofa\n20852163\n')).toBe(true)
    expect(formatAddCheckpoint(request)).toBe(specAddCheckpointBody)
  })

  it('reads the spec example response', () => {
    const sigs = parseAddCheckpointResponse(specAddCheckpointResponse)
    expect(sigs.map((s) => s.name)).toEqual([
      'witness.example/w1',
      'witness.example/w1',
      'witness.example/w2',
    ])
    expect(formatAddCheckpointResponse(sigs)).toBe(specAddCheckpointResponse)
    expect(() => parseAddCheckpointResponse('')).toThrow(NoteError)
    expect(() => formatAddCheckpointResponse([])).toThrow(NoteError)
  })

  it('accepts old size 0 with no proof', () => {
    const body = `old 0\n\n${checkpoint}`
    expect(parseAddCheckpoint(body)).toEqual({ oldSize: 0, proof: [], checkpoint })
    expect(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint })).toBe(body)
  })

  const proofLines = (n: number) =>
    Array.from({ length: n }, (_, i) => `${hash(i).toString('base64')}\n`).join('')
  it('accepts 63 proof lines and refuses 64', () => {
    expect(parseAddCheckpoint(`old 1\n${proofLines(63)}\n${checkpoint}`).proof).toHaveLength(63)
    expect(() => parseAddCheckpoint(`old 1\n${proofLines(64)}\n${checkpoint}`)).toThrow(/63/)
    const proof = Array.from({ length: 64 }, (_, i) => hash(i))
    expect(() => formatAddCheckpoint({ oldSize: 1, proof, checkpoint })).toThrow(NoteError)
  })

  it.each([
    ['a leading zero', `old 01\n\n${checkpoint}`],
    ['no old line', `${hash(1).toString('base64')}\n\n${checkpoint}`],
    ['two spaces', `old  1\n\n${checkpoint}`],
    ['a duplicated old line', `old 1\nold 1\n\n${checkpoint}`],
    ['a capitalised keyword', `Old 1\n\n${checkpoint}`],
    ['no blank line', `old 1\n${checkpoint}`],
    ['a short proof hash', `old 1\n${hash(1).subarray(1).toString('base64')}\n\n${checkpoint}`],
    [
      'a proof hash in base64url',
      `old 1\n${Buffer.alloc(32, 0xfb).toString('base64url')}=\n\n${checkpoint}`,
    ],
    ['an unsigned checkpoint', `old 1\n\nlog.example\n5\n${hash(0).toString('base64')}\n`],
    ['a signed non-checkpoint', `old 1\n\n${signNote('hello\n', [log])}`],
    ['CRLF line ends', `old 1\r\n\r\n${checkpoint}`],
    ['nothing', ''],
  ])('refuses a request with %s', (_, body) => {
    expect(() => parseAddCheckpoint(body)).toThrow(NoteError)
  })

  it('writes and reads the 409 size body', () => {
    expect(tlogSizeContentType).toBe('text/x.tlog.size')
    expect(formatSizeBody(20852014)).toBe('20852014\n')
    expect(parseSizeBody('0\n')).toBe(0)
    for (const bad of ['12', '012\n', '-1\n', '1 \n', '1\n\n', '']) {
      expect(() => parseSizeBody(bad)).toThrow(NoteError)
    }
  })

  it('round-trips any request', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 63 }),
        (oldSize, proof) => {
          const request = { oldSize, proof: proof.map((h) => Buffer.from(h)), checkpoint }
          expect(parseAddCheckpoint(formatAddCheckpoint(request))).toEqual(request)
        },
      ),
      { numRuns: 200 },
    )
  })
})
