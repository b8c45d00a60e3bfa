import { randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../../../platform/db/index.js'
import {
  requestDigest,
  residentConsentStatement,
  type ConsentEvidence,
} from './consent-evidence.js'
import { recordConsentVerifier, type ConsentVerifier } from './consent-verifier.js'
import { unloggedAcknowledger } from './log-acknowledger.js'
import type { RecordAction } from './record-actions.js'
import { RecordJournal } from './record-journal-service.js'

/**
 * For tests of other ID repository behaviour, over databases without the registration
 * processor's tables: a packet is taken as given; residents' signatures are checked for real.
 */
export const packetsAsGivenVerifier: ConsentVerifier = {
  async verify(trx, question) {
    const { evidence } = question
    if (evidence.kind === 'packet') return { kind: 'packet', rid: evidence.rid }
    return recordConsentVerifier.verify(trx, question)
  },
  async recheck(executor, uinRefId, action, stored) {
    if (stored.kind === 'packet') return null
    return recordConsentVerifier.recheck(executor, uinRefId, action, stored)
  },
}

export const testJournal = (): RecordJournal =>
  new RecordJournal(packetsAsGivenVerifier, unloggedAcknowledger)

/** A packet's consent; the RID is arbitrary where the verifier takes packets as given. */
export const packetConsent = (rid = '10001100010000120250101120000'): ConsentEvidence => ({
  kind: 'packet',
  rid,
})

/** The resident's signed approval of one change, as the resident app makes it. */
export function residentApproval(
  privateKey: KeyObject,
  action: RecordAction,
  params: unknown,
  issuedAt = new Date(),
): ConsentEvidence {
  const nonce = randomBytes(16).toString('base64url')
  const at = issuedAt.toISOString()
  const message = residentConsentStatement(action, requestDigest(nonce, params), at, nonce)
  const jwk = privateKey.export({ format: 'jwk' })
  return {
    kind: 'resident',
    publicKey: Buffer.from(jwk.x ?? '', 'base64url').toString('base64'),
    signature: sign(null, message, privateKey).toString('base64'),
    issuedAt: at,
    nonce,
  }
}

/** Records that the registration processor received packet `rid` (what packet consent checks). */
export async function receivedPacket(db: Db, rid: string, process = 'NEW'): Promise<void> {
  await sql`
    insert into regprc.registration (reg_id, process, status_code, lang_code, is_active, cr_by,
      cr_dtimes, workflow_instance_id)
    values (${rid}, ${process}, 'PROCESSING', 'eng', true, 'test', now(), ${randomUUID()})`.execute(
    db,
  )
}
