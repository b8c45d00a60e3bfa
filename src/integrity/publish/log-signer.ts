import type { Platform } from '../../platform/platform.js'
import {
  ed25519RawPublicKey,
  ed25519Signer,
  ed25519Verifier,
  sigTypeEd25519,
  verifierKeyString,
  type NoteSigner,
  type NoteVerifier,
} from '../note/index.js'

/** The log's identity: its origin line and the Ed25519 key that signs its checkpoints. */
export interface LogIdentity {
  readonly origin: string
  readonly signer: NoteSigner
  readonly verifier: NoteVerifier
  /** The verifier key in signed-note form (`origin+keyid+base64`), published at /integrity/key. */
  readonly verifierKey: string
}

/** Key store purpose of the log's signing key (kept, rotated and backed up with the others). */
export const logKeyPurpose = 'integrity-log'

/** The origin: the setting, or `<host of the public URL>/integrity` (C2SP: a schema-less URL). */
export function logOrigin(platform: Pick<Platform, 'settings' | 'publicUrl'>): string {
  return platform.settings.integrity.origin ?? `${new URL(platform.publicUrl).host}/integrity`
}

export async function openLogIdentity(
  platform: Pick<Platform, 'settings' | 'publicUrl' | 'signer'>,
): Promise<LogIdentity> {
  const origin = logOrigin(platform)
  const key = await platform.signer.signingKey(logKeyPurpose, 'Ed25519')
  const publicKey = ed25519RawPublicKey(key.publicKey)
  return {
    origin,
    signer: ed25519Signer(origin, key.privateKey),
    verifier: ed25519Verifier(origin, publicKey),
    verifierKey: verifierKeyString(origin, sigTypeEd25519, publicKey),
  }
}
