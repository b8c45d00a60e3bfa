import { createPublicKey, verify } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import {
  requestDigest,
  residentConsentStatement,
  type ChangeConsent,
  type StoredConsent,
} from './consent-evidence.js'
import { journalErrors } from './journal-errors.js'
import type { RecordAction } from './record-actions.js'

type Executor = Db | Transaction<object>

/** One change asking for consent: which record, what it does, with which parameters. */
export interface ConsentQuestion {
  readonly uinRefId: string
  readonly action: RecordAction
  /** What the caller asked for, as the resident approved it (no secrets). */
  readonly params: unknown
  readonly evidence: ChangeConsent
  readonly now: Date
}

/**
 * Decides whether evidence authorises a change (at write time, refusing with MOS-IDR-101) and
 * re-checks stored evidence later for auditors. The consent module will provide one backed by
 * its consent artefacts; this is the identity core's own.
 */
export interface ConsentVerifier {
  verify(trx: Transaction<object>, question: ConsentQuestion): Promise<StoredConsent>
  /** Null when the stored evidence still holds for the change; otherwise why not. */
  recheck(
    executor: Executor,
    uinRefId: string,
    action: RecordAction,
    stored: StoredConsent,
  ): Promise<string | null>
}

/** How far a resident's signed approval may be from the change: it is for this change only. */
const approvalWindowMs = 10 * 60_000
const clockSkewMs = 60_000

/** Which registration processes may authorise which changes (auditors re-check in bulk). */
export const packetProcesses: Partial<Record<RecordAction, readonly string[]>> = {
  create: ['NEW'],
}

export const recordConsentVerifier: ConsentVerifier = {
  async verify(trx, question) {
    const { evidence } = question
    if (evidence.kind === 'policy') {
      const problem = policyProblem(question.action)
      if (problem) throw journalErrors.consentRefused(problem)
      return evidence
    }
    if (evidence.kind === 'packet') {
      const problem = await packetProblem(trx, question.action, evidence.rid)
      if (problem) throw journalErrors.consentRefused(problem)
      return { kind: 'packet', rid: evidence.rid }
    }
    const age = question.now.getTime() - Date.parse(evidence.issuedAt)
    if (age > approvalWindowMs || age < -clockSkewMs)
      throw journalErrors.consentRefused('the resident approval is not from the last 10 minutes')
    const stored = { ...evidence, request: requestDigest(evidence.nonce, question.params) }
    const problem = await residentProblem(trx, question.uinRefId, question.action, stored)
    if (problem) throw journalErrors.consentRefused(problem)
    return stored
  },

  async recheck(executor, uinRefId, action, stored) {
    if (stored.kind === 'policy') return policyProblem(action)
    return stored.kind === 'packet'
      ? packetProblem(executor, action, stored.rid)
      : residentProblem(executor, uinRefId, action, stored)
  },
}

/** VID policy rules only ever move a VID's status. */
function policyProblem(action: RecordAction): string | null {
  return action === 'vid-status' ? null : `a VID policy cannot authorise "${action}"`
}

async function packetProblem(executor: Executor, action: RecordAction, rid: string) {
  const { rows } = await sql<{ process: string }>`
    select process from regprc.registration where reg_id = ${rid} limit 1`.execute(executor)
  const process = rows[0]?.process
  if (!process) return `no registration packet ${rid} was received`
  const allowed = packetProcesses[action]
  if (allowed && !allowed.includes(process))
    return `a ${process} packet cannot authorise "${action}"`
  return null
}

async function residentProblem(
  executor: Executor,
  uinRefId: string,
  action: RecordAction,
  stored: Extract<StoredConsent, { kind: 'resident' }>,
) {
  const { rows } = await sql<{ public_key: Uint8Array }>`
    select public_key from idrepo.consent_key where uin_ref_id = ${uinRefId}`.execute(executor)
  const enrolled = rows[0]?.public_key
  if (!enrolled) return 'the resident has no consent key enrolled on the record'
  if (!Buffer.from(enrolled).equals(Buffer.from(stored.publicKey, 'base64')))
    return 'the approval is not signed with the key enrolled on the record'
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(enrolled).toString('base64url') },
    format: 'jwk',
  })
  const message = residentConsentStatement(action, stored.request, stored.issuedAt, stored.nonce)
  if (!verify(null, message, key, Buffer.from(stored.signature, 'base64')))
    return 'the resident signature does not verify for this change'
  return null
}
