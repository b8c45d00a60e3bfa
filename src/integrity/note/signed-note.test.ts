import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ed25519RawPublicKey, ed25519Seed } from './ed25519-keys.js'
import { goExample, hasControl, plusVkey, specExample } from './note-vectors.test-kit.js'
import {
  appendSignatures,
  ed25519Signer,
  ed25519Verifier,
  keyId,
  maxNoteSignatures,
  NoteError,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signerKeyString,
  signNote,
  sigTypeCosignatureV1,
  sigTypeEd25519,
  verifierKeyString,
} from './signed-note.js'

const newKey = () => generateKeyPairSync('ed25519').privateKey

function expectNoteError(run: () => unknown, message?: RegExp): void {
  expect(run).toThrow(NoteError)
  if (message) expect(run).toThrow(message)
}

describe('known answers', () => {
  it('opens the signed-note spec example with its verifier key', () => {
    const opened = openNote(specExample.note, [parseVerifierKey(specExample.vkey)])
    expect(opened.text).toBe('This is an example message.\n')
    expect(opened.verified.map((s) => [s.name, s.keyId.toString('hex')])).toEqual([
      ['example.com/foo', '530d903a'],
    ])
    expect(opened.unverified).toEqual([])
  })

  it('reproduces the Go sumdb/note example from its signer key (Ed25519 is deterministic)', () => {
    const signer = parseSignerKey(goExample.skey)
    expect(signer.name).toBe('PeterNeumann')
    expect(signer.keyId.toString('hex')).toBe('c74f20a3')
    expect(verifierKeyString(signer.name, sigTypeEd25519, signer.publicKey)).toBe(goExample.vkey)
    expect(signerKeyString(signer.name, ed25519Seed(signer.privateKey))).toBe(goExample.skey)
    expect(signNote(goExample.text, [signer])).toBe(`${goExample.text}\n${goExample.peterLine}`)
  })

  it('opens the doubly signed Go example with either or both keys', () => {
    const note = `${goExample.text}\n${goExample.peterLine}${goExample.enochLine}`
    const peter = parseVerifierKey(goExample.vkey)
    const enoch = parseVerifierKey(goExample.enochVkey)
    const both = openNote(note, [peter, enoch])
    expect(both.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot'])
    const one = openNote(note, [enoch])
    expect(one.verified.map((s) => s.name)).toEqual(['EnochRoot'])
    expect(one.unverified.map((s) => s.name)).toEqual(['PeterNeumann'])
  })

  it('parses a vkey whose base64 holds a plus sign and writes it back', () => {
    const verifier = parseVerifierKey(plusVkey)
    expect(verifier.name).toBe('TEST')
    expect(verifier.keyId.toString('hex')).toBe('7997405c')
    const material = Buffer.from(plusVkey.split('+').slice(2).join('+'), 'base64')
    expect(verifierKeyString('TEST', sigTypeEd25519, material.subarray(1))).toBe(plusVkey)
  })

  it('derives key ids as SHA-256(name || 0x0A || type || key)[:4]', () => {
    const key = Buffer.from(specExample.vkey.split('+')[2]!, 'base64').subarray(1)
    expect(keyId('example.com/foo', sigTypeEd25519, key).toString('hex')).toBe('530d903a')
    expect(keyId('example.com/foo', sigTypeCosignatureV1, key).toString('hex')).not.toBe('530d903a')
  })
})

describe('verifier and signer keys', () => {
  it('refuses every truncation and single-character change of a vkey', () => {
    const vkey = goExample.vkey
    for (let i = 0; i < vkey.length; i++) {
      expectNoteError(() => parseVerifierKey(vkey.slice(0, i)))
      expectNoteError(() => parseVerifierKey(vkey.slice(i + 1)))
      const code = vkey.charCodeAt(i)
      const changed = vkey.slice(0, i) + String.fromCharCode(code + 1) + vkey.slice(i + 1)
      expectNoteError(() => parseVerifierKey(changed))
    }
  })

  it('refuses unknown types, wrong lengths, upper-case ids and bad names', () => {
    const key = ed25519RawPublicKey(newKey())
    const vkey = (name: string, type: number, material: Buffer) =>
      `${name}+${keyId(name, type, material).toString('hex')}+${Buffer.concat([Buffer.from([type]), material]).toString('base64')}`
    expectNoteError(() => parseVerifierKey(vkey('a', 0x02, key)), /unsupported/)
    expectNoteError(() => parseVerifierKey(vkey('a', 0x01, key.subarray(1))), /32 bytes/)
    const [name, id, b64] = goExample.vkey.split('+') as [string, string, string]
    expectNoteError(() => parseVerifierKey(`${name}+${id.toUpperCase()}+${b64}`), /hex/)
    expectNoteError(() => parseVerifierKey(`${name}+${id}+${b64.slice(0, -1)}`), /base64/)
    expectNoteError(() => parseVerifierKey(`+${id}+${b64}`), /name/)
    expect(() => verifierKeyString('has space', sigTypeEd25519, key)).toThrow(NoteError)
    expect(() => verifierKeyString('tab\there', sigTypeEd25519, key)).toThrow(NoteError)
    expect(() => verifierKeyString('nbsp\u00a0', sigTypeEd25519, key)).toThrow(NoteError)
    expect(() => verifierKeyString('', sigTypeEd25519, key)).toThrow(NoteError)
  })

  it('accepts a cosignature/v1 vkey (type 0x04)', () => {
    const key = ed25519RawPublicKey(newKey())
    const verifier = parseVerifierKey(verifierKeyString('w.example/1', sigTypeCosignatureV1, key))
    expect(verifier.keyId).toEqual(keyId('w.example/1', sigTypeCosignatureV1, key))
  })

  it('round-trips signer keys and refuses a mismatched id', () => {
    const seed = randomBytes(32)
    const skey = signerKeyString('log.example/a', seed)
    const signer = parseSignerKey(skey)
    expect(ed25519Seed(signer.privateKey)).toEqual(seed)
    const text = 'hello\n'
    const note = signNote(text, [signer])
    expect(openNote(note, [ed25519Verifier('log.example/a', signer.publicKey)]).text).toBe(text)
    expectNoteError(() => parseSignerKey(skey.replace('PRIVATE+KEY+', '')), /PRIVATE/)
    const otherId = keyId('log.example/b', sigTypeEd25519, signer.publicKey).toString('hex')
    expectNoteError(() => parseSignerKey(skey.replace(/\+[0-9a-f]{8}\+/, `+${otherId}+`)), /id/)
  })
})

describe('parsing notes', () => {
  const signer = ed25519Signer('log.example', newKey())
  const good = signNote('line one\n\nline three\n', [signer])

  it('splits text from signatures at the last blank line', () => {
    const parsed = parseNote(good)
    expect(parsed.text).toBe('line one\n\nline three\n')
    expect(parsed.signatures).toHaveLength(1)
    expect(parsed.signatures[0]!.keyId).toEqual(signer.keyId)
    // A later blank line turns the signature lines before it into text, which then fails.
    const sigLine = good.slice(good.lastIndexOf('\n\n') + 2)
    const shifted = `${good}\n${sigLine}`
    expect(parseNote(shifted).text).toBe(good)
    const verifier = { name: signer.name, keyId: signer.keyId, verify: () => false }
    expectNoteError(() => openNote(shifted, [verifier]), /bad signature/)
  })

  it('keeps text that itself looks like signature lines', () => {
    const text = 'a\n\n— not a signature\n\n'
    const verifier = { ...signer, verify: () => true }
    expect(openNote(signNote(text, [signer]), [verifier]).text).toBe(text)
  })

  it.each([
    ['no blank line', good.replace('\n\n—', '\n—')],
    ['no signature', 'text\n\n'],
    ['no final newline', good.slice(0, -1)],
    ['a hyphen instead of an em dash', good.replace('— ', '- ')],
    ['an en dash instead of an em dash', good.replace('— ', '– ')],
    ['no space after the dash', good.replace('— ', '—')],
    ['two spaces after the name', good.replace('log.example ', 'log.example  ')],
    ['no signature after the name', good.replace(/ \S+\n$/, '\n')],
    ['bad base64', good.replace(/ \S+\n$/, ' !!!!\n')],
    ['unpadded base64', good.replace(/=\n$/, '\n')],
    [
      'a signature of only a key id',
      good.replace(/ \S+\n$/, ` ${signer.keyId.toString('base64')}\n`),
    ],
    ['a carriage return', good.replace('line one', 'line one\r')],
    ['a tab', good.replace('line one', 'line\tone')],
    ['a NUL', good.replace('line one', 'line\u0000one')],
    ['a lone surrogate', good.replace('line one', 'line \ud800')],
  ])('refuses a note with %s', (_, note) => {
    expectNoteError(() => parseNote(note))
  })

  it('allows non-ASCII text and names', () => {
    const named = ed25519Signer('ñandú.example/名前', newKey())
    const note = signNote('Ognuno sta solo sul cuor della terra\ned è subito sera.\n', [named])
    expect(parseNote(note).signatures[0]!.name).toBe('ñandú.example/名前')
  })

  it(`accepts ${maxNoteSignatures} signatures and refuses one more`, () => {
    const line = good.slice(good.lastIndexOf('\n\n') + 2)
    const text = 'x\n\n'
    expect(parseNote(text + line.repeat(maxNoteSignatures)).signatures).toHaveLength(100)
    expectNoteError(() => parseNote(text + line.repeat(maxNoteSignatures + 1)), /at most/)
  })

  it('refuses to sign text without a final newline or with control characters', () => {
    expectNoteError(() => signNote('no newline', [signer]), /newline/)
    expectNoteError(() => signNote('', [signer]), /newline/)
    expectNoteError(() => signNote('tab\t\n', [signer]), /U\+0009/)
    expectNoteError(() => signNote('text\n', []), /at least one/)
  })
})

describe('opening notes', () => {
  const logKey = newKey()
  const log = ed25519Signer('log.example', logKey)
  const logVerifier = ed25519Verifier('log.example', ed25519RawPublicKey(logKey))
  const text = 'hello\n'

  it('throws on a bad signature from a known key', () => {
    const forged = signNote('other\n', [log]).replace('other\n', text)
    const error = (() => {
      try {
        openNote(forged, [logVerifier])
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(NoteError)
    expect((error as NoteError).message).toBe('bad signature from log.example')
    expect((error as NoteError).kind).toBe('badSignature')
  })

  it('ignores keys that share only the name or only the id of a known key', () => {
    const impostor = ed25519Signer('log.example', newKey())
    const sameIdOtherName = { ...ed25519Signer('evil.example', newKey()), keyId: log.keyId }
    const note = signNote(text, [log, impostor, sameIdOtherName])
    const opened = openNote(note, [logVerifier])
    expect(opened.verified).toHaveLength(1)
    expect(opened.unverified.map((s) => s.name)).toEqual(['log.example', 'evil.example'])
  })

  it('throws when no known key signed', () => {
    const note = signNote(text, [ed25519Signer('other.example', newKey())])
    expectNoteError(() => openNote(note, [logVerifier]), /no signature/)
  })

  it('counts a repeated line once, and appendSignatures adds it once', () => {
    const note = signNote(text, [log])
    const sig = parseNote(note).signatures[0]!
    expect(appendSignatures(note, [sig])).toBe(note)
    const doubled = `${note}${note.slice(note.lastIndexOf('\n\n') + 2)}`
    expect(openNote(doubled, [logVerifier]).verified).toHaveLength(1)
  })

  it('appends signatures of other keys after the existing ones', () => {
    const other = ed25519Signer('other.example', newKey())
    const note = signNote(text, [log])
    const extra = parseNote(signNote(text, [other])).signatures
    expect(appendSignatures(note, extra)).toBe(signNote(text, [log, other]))
  })
})

describe('properties', () => {
  const key = newKey()
  const signer = ed25519Signer('prop.example', key)
  const verifier = ed25519Verifier('prop.example', ed25519RawPublicKey(key))
  const noteText = fc
    .array(
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) =>
        // Keep only allowed characters: no ASCII controls (newline is the separator).
        [...s].filter((c) => !hasControl(c)).join(''),
      ),
      { maxLength: 6 },
    )
    .map((lines) => `${lines.join('\n')}\n`)

  it('sign then open returns the text for any allowed text', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const note = signNote(text, [signer])
        expect(openNote(note, [verifier]).text).toBe(text)
        expect(parseNote(note).text).toBe(text)
      }),
      { numRuns: 200 },
    )
  })

  it('appendSignatures of a parsed note reproduces the note', () => {
    fc.assert(
      fc.property(noteText, fc.uint8Array({ minLength: 1, maxLength: 80 }), (text, sig) => {
        const note = signNote(text, [signer])
        const extra = {
          name: 'w.example',
          keyId: Buffer.from([1, 2, 3, 4]),
          signature: Buffer.from(sig),
        }
        const appended = appendSignatures(note, [extra])
        expect(parseNote(appended).signatures.at(-1)).toEqual(extra)
        expect(appendSignatures(appended, parseNote(appended).signatures)).toBe(appended)
      }),
      { numRuns: 100 },
    )
  })
})
