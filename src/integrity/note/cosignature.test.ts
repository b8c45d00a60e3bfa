import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js'
import {
  cosignatureMessage,
  cosignatureTime,
  cosignatureVerifier,
  cosigner,
} from './cosignature.js'
import { ed25519RawPublicKey } from './ed25519-keys.js'
import {
  archeCheckpoint,
  sofaCheckpointText,
  specCosignatureLine,
} from './note-vectors.test-kit.js'
import {
  appendSignatures,
  ed25519Signer,
  ed25519Verifier,
  keyId,
  NoteError,
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
  sigTypeCosignatureV1,
  verifierKeyString,
} from './signed-note.js'

const newKey = () => generateKeyPairSync('ed25519').privateKey

describe('cosignature/v1', () => {
  it('builds the signed message of the spec', () => {
    expect(cosignatureMessage(sofaCheckpointText, 1679315147).toString()).toBe(
      `cosignature/v1\ntime 1679315147\n${sofaCheckpointText}`,
    )
    expect(() => cosignatureMessage('not a checkpoint\n', 1)).toThrow(NoteError)
    expect(() => cosignatureMessage(sofaCheckpointText, -1)).toThrow(NoteError)
    expect(() => cosignatureMessage(sofaCheckpointText, 1.5)).toThrow(NoteError)
  })

  it('reads the timestamp of the spec example cosignature', () => {
    const note = `${sofaCheckpointText}\n${specCosignatureLine}`
    const [sig] = parseNote(note).signatures
    expect(sig!.signature).toHaveLength(72)
    expect(cosignatureTime(sig!)).toBe(1679315147)
  })

  it('verifies a real checkpoint signed by its log and cosigned by four witnesses', () => {
    const log = parseVerifierKey(archeCheckpoint.logVkey)
    const witnesses = archeCheckpoint.witnessVkeys.map(parseVerifierKey)
    const opened = openNote(archeCheckpoint.note, [log, ...witnesses])
    expect(opened.verified.map((s) => s.name)).toEqual([
      'arche2025h1.staging.ct.transparency.dev',
      'transparency.dev/DEV:witness-little-garden',
      'witness1.smartit.nu/witness1',
      'remora.n621.de',
      'witness.stagemole.eu',
    ])
    // The log's RFC 6962 signature (type 0x05) is not ours to check.
    expect(opened.unverified).toHaveLength(1)
    expect(parseCheckpoint(opened.text).size).toBe(1432088532)
    const remora = opened.verified.find((s) => s.name === 'remora.n621.de')!
    expect(cosignatureTime(remora)).toBe(0x6a122120)
    const clobbered = archeCheckpoint.note.replace('1432088532', '1432088533')
    expect(() => openNote(clobbered, witnesses)).toThrow('bad signature from')
  })

  it('signs then verifies, with the timestamp read back', () => {
    const key = newKey()
    const witness = cosigner('witness.example/w1', key, () => 1_700_000_000)
    const raw = ed25519RawPublicKey(key)
    expect(witness.keyId).toEqual(keyId('witness.example/w1', sigTypeCosignatureV1, raw))
    const note = signNote(sofaCheckpointText, [witness])
    const verifier = cosignatureVerifier('witness.example/w1', raw)
    const opened = openNote(note, [verifier])
    expect(cosignatureTime(opened.verified[0]!)).toBe(1_700_000_000)
    const viaVkey = parseVerifierKey(verifierKeyString('witness.example/w1', 0x04, raw))
    expect(openNote(note, [viaVkey]).verified).toHaveLength(1)
  })

  it('fails over a different checkpoint, a changed time or a plain Ed25519 key', () => {
    const key = newKey()
    const raw = ed25519RawPublicKey(key)
    const witness = cosigner('w', key, () => 42)
    const verifier = cosignatureVerifier('w', raw)
    const message = Buffer.from(sofaCheckpointText)
    const signature = witness.sign(message)
    expect(verifier.verify(message, signature)).toBe(true)
    const other = formatCheckpoint({ ...parseCheckpoint(sofaCheckpointText), size: 20852164 })
    expect(verifier.verify(Buffer.from(other), signature)).toBe(false)
    const retimed = Buffer.from(signature)
    retimed.writeBigUInt64BE(43n)
    expect(verifier.verify(message, retimed)).toBe(false)
    expect(verifier.verify(message, signature.subarray(8))).toBe(false)
    // Same key as a type 0x01 signer: different key id, and its signature is not a cosignature.
    const plain = ed25519Signer('w', key)
    expect(plain.keyId).not.toEqual(witness.keyId)
    expect(verifier.verify(message, Buffer.concat([Buffer.alloc(8), plain.sign(message)]))).toBe(
      false,
    )
  })

  it('refuses to cosign anything but a checkpoint, or at time zero', () => {
    const key = newKey()
    expect(() => signNote('hello\n', [cosigner('w', key, () => 1)])).toThrow(NoteError)
    expect(() => signNote(sofaCheckpointText, [cosigner('w', key, () => 0)])).toThrow(NoteError)
    expect(() =>
      cosigner('w', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey),
    ).toThrow(NoteError)
  })

  it('opens a note signed by the log and cosigned by a witness with both verifiers', () => {
    const logKey = newKey()
    const witnessKey = newKey()
    const log = ed25519Signer('example.com/behind-the-sofa', logKey)
    const signed = signNote(sofaCheckpointText, [log])
    // The witness signs the checkpoint body only; its line is appended to the log's note.
    const cosigned = appendSignatures(
      signed,
      parseNote(signNote(parseNote(signed).text, [cosigner('w.example', witnessKey)])).signatures,
    )
    const opened = openNote(cosigned, [
      ed25519Verifier('example.com/behind-the-sofa', ed25519RawPublicKey(logKey)),
      cosignatureVerifier('w.example', ed25519RawPublicKey(witnessKey)),
    ])
    expect(opened.verified.map((s) => s.name)).toEqual(['example.com/behind-the-sofa', 'w.example'])
    expect(Math.abs(cosignatureTime(opened.verified[1]!) - Date.now() / 1000)).toBeLessThan(60)
  })

  it('refuses to read a time from a signature of the wrong length', () => {
    expect(() =>
      cosignatureTime({ name: 'w', keyId: Buffer.alloc(4), signature: Buffer.alloc(64) }),
    ).toThrow(NoteError)
  })
})
