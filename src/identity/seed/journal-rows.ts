import { randomBytes } from 'node:crypto'
import {
  consentReference,
  recordCommitment,
  type RecordAction,
  type RecordState,
  type StoredConsent,
} from '../idrepo/index.js'
import type { IdentityLife } from './identity-rows.js'
import type { SeedSink } from './seed-sink.js'

/** The action a seeded change is journalled as. */
function actionOf(change: IdentityLife['changes'][number]): RecordAction {
  if (change.status === 'ACTIVATED') return 'activate'
  if (change.status === 'DEACTIVATED') return 'deactivate'
  return 'update'
}

/**
 * Journals a seeded identity's history as the ID repository journals live changes: one row per
 * change (creation, its Perpetual VID, each later packet), each with the packet that brought it
 * as consent and a salted commitment to the record's state after it. The states follow what
 * `writeIdentity` stores, so `mosaic integrity verify` finds every seeded record as logged.
 */
export function journalIdentity(sink: SeedSink, life: IdentityLife, by: string): void {
  let version = 0
  const journal = (
    action: RecordAction,
    state: RecordState,
    rid: string,
    actor: string,
    at: Date,
  ) => {
    const consent: StoredConsent = { kind: 'packet', rid }
    const salt = randomBytes(32)
    sink.add('recordChange', [
      life.uinRefId,
      ++version,
      action,
      salt,
      recordCommitment(salt, state),
      consent.kind,
      JSON.stringify(consent),
      consentReference(consent),
      actor,
      at,
    ])
  }
  let state: RecordState = {
    identity: life.identity,
    regId: life.rid,
    bioRefId: `bio-${life.uinRefId}`,
    status: 'ACTIVATED',
    documents: life.documents.map((doc) => ({
      category: doc.category,
      type: doc.type,
      fileId: `doc-${life.uinRefId}-${doc.category}`,
      fileName: `${doc.category}.pdf`,
      format: 'pdf',
      hash: doc.hash,
      langCode: 'eng',
    })),
    biometrics: [],
    vids: [],
    locks: [],
    consentKey: null,
  }
  journal('create', state, life.rid, by, life.createdAt)
  if (life.vid) {
    const vid = { id: life.vid.id, vid: life.vid.vid, type: 'Perpetual', status: 'ACTIVE' }
    state = { ...state, vids: [{ ...vid, expiresAt: null }] }
    journal('vid-create', state, life.rid, 'resident-service', life.createdAt)
  }
  for (const change of life.changes) {
    state = {
      ...state,
      regId: change.rid,
      ...(change.status && { status: change.status }),
      ...(change.identity && { identity: change.identity }),
    }
    journal(actionOf(change), state, change.rid, by, change.at)
  }
}
