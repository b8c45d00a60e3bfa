import { type KeyObject, sign, verify } from 'node:crypto'
import { parseCheckpoint } from './checkpoint.js'
import {
  assertEd25519PrivateKey,
  ed25519PublicKeyFromRaw,
  ed25519RawPublicKey,
  ed25519SignatureBytes,
} from './ed25519-keys.js'
import { NoteError } from './note-error.js'
import {
  keyId,
  sigTypeCosignatureV1,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
} from './note-key-id.js'

/**
 * Ed25519 checkpoint cosignatures of c2sp.org/tlog-cosignature (`cosignature/v1`, type 0x04).
 * The signed message commits to the checkpoint body and a time, not to the cosigner's name,
 * so one Ed25519 key must never serve two cosigners.
 */

const timestampBytes = 8
/** Timestamped signature: u64 big-endian POSIX seconds, then the Ed25519 signature. */
export const cosignatureBytes = timestampBytes + ed25519SignatureBytes
const maxTimestamp = 2n ** 63n - 1n

function messageBytes(body: Buffer, timestamp: bigint): Buffer {
  return Buffer.concat([Buffer.from(`cosignature/v1\ntime ${timestamp}\n`, 'utf8'), body])
}

/**
 * What a cosigner signs: the header line, the time line, then the whole checkpoint note text
 * (final newline included, no signature lines). Refuses text that is not a checkpoint.
 */
export function cosignatureMessage(checkpointText: string, timestamp: number): Buffer {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new NoteError('a cosignature timestamp is a safe integer ≥ 0 (POSIX seconds)')
  }
  parseCheckpoint(checkpointText)
  return messageBytes(Buffer.from(checkpointText, 'utf8'), BigInt(timestamp))
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000)

/**
 * A note signer producing cosignature/v1 lines. `now` returns POSIX seconds; the witness
 * protocol forbids a zero time, so the cosigner refuses it.
 */
export function cosigner(
  name: string,
  privateKey: KeyObject,
  now: () => number = nowSeconds,
): NoteSigner {
  assertEd25519PrivateKey(privateKey)
  const id = keyId(name, sigTypeCosignatureV1, ed25519RawPublicKey(privateKey))
  return {
    name,
    keyId: id,
    sign(message: Buffer): Buffer {
      const timestamp = now()
      if (!Number.isSafeInteger(timestamp) || timestamp <= 0) {
        throw new NoteError('the cosigner clock must give POSIX seconds > 0')
      }
      const signed = cosignatureMessage(message.toString('utf8'), timestamp)
      const stamp = Buffer.alloc(timestampBytes)
      stamp.writeBigUInt64BE(BigInt(timestamp))
      return Buffer.concat([stamp, sign(null, signed, privateKey)])
    },
  }
}

/** Verifies cosignature/v1 signatures of one cosigner; never throws on a bad signature. */
export function cosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = ed25519PublicKeyFromRaw(publicKey)
  return {
    name,
    keyId: keyId(name, sigTypeCosignatureV1, publicKey),
    verify(message: Buffer, signature: Buffer): boolean {
      if (signature.length !== cosignatureBytes) return false
      const timestamp = signature.readBigUInt64BE(0)
      if (timestamp > maxTimestamp) return false
      try {
        // Only a checkpoint can carry a cosignature; anything else is refused, not checked.
        parseCheckpoint(message.toString('utf8'))
      } catch {
        return false
      }
      return verify(null, messageBytes(message, timestamp), key, signature.subarray(timestampBytes))
    },
  }
}

/** The POSIX time (seconds) a cosignature/v1 signature claims. Verify it before trusting it. */
export function cosignatureTime(signature: NoteSignature): number {
  if (signature.signature.length !== cosignatureBytes) {
    throw new NoteError(`a cosignature/v1 signature is ${cosignatureBytes} bytes`)
  }
  const timestamp = signature.signature.readBigUInt64BE(0)
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new NoteError('cosignature timestamp is beyond 2^53 - 1')
  }
  return Number(timestamp)
}
