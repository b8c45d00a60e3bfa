import { createHash } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from '../idrepo-crypto.js'
import { ridSchema } from '../identity-data.js'
import type { RecordAction } from './record-actions.js'

const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
    .refine((value) => Buffer.from(value, 'base64').length === bytes, `${bytes} bytes`)

/**
 * What authorises a change to an identity record, as callers send it. `packet`: the
 * registration packet the change comes from (approved by its supervisor at sync); `resident`:
 * the resident's Ed25519 signature over `residentConsentStatement`, by the consent key enrolled
 * on the record. The consent framework adds kinds through the same verifier interface.
 */
export const consentEvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('packet'), rid: ridSchema }),
  z.strictObject({
    kind: z.literal('resident'),
    publicKey: base64Of(32),
    signature: base64Of(64),
    issuedAt: z.iso.datetime(),
    nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '16-64 URL-safe characters'),
  }),
])
export type ConsentEvidence = z.output<typeof consentEvidenceSchema>

/**
 * A change the system makes by a rule the resident already consented to (a VID used up or
 * expired under its policy). Never accepted from a caller: only the ID repository's own code
 * paths pass it.
 */
export interface PolicyConsent {
  readonly kind: 'policy'
  readonly rule: 'vid-expired' | 'vid-used'
}

/** Consent as the ID repository's services pass it to the journal. */
export type ChangeConsent = ConsentEvidence | PolicyConsent

/** The evidence as kept with the change: a resident's adds the digest of what was approved. */
export type StoredConsent =
  | { readonly kind: 'packet'; readonly rid: string }
  | (Extract<ConsentEvidence, { kind: 'resident' }> & { readonly request: string })
  | PolicyConsent

/** Base64 SHA-256 of the nonce and the change's parameters: what the resident approves. */
export function requestDigest(nonce: string, params: unknown): string {
  return createHash('sha256')
    .update(`${nonce}\n${canonicalJson(params)}`)
    .digest('base64')
}

/** The exact text a resident signs to approve one change (the app builds the same). */
export function residentConsentStatement(
  action: RecordAction,
  request: string,
  issuedAt: string,
  nonce: string,
): Buffer {
  return Buffer.from(
    `mosaic/identity-consent/v1\naction ${action}\nrequest ${request}\nissued ${issuedAt}\nnonce ${nonce}\n`,
  )
}

/** The consent reference a log entry carries: SHA-256 of the stored evidence. */
export function consentReference(stored: StoredConsent): Buffer {
  return createHash('sha256').update(canonicalJson(stored)).digest()
}
