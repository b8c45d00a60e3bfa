export {
  idrepoPart,
  createIdRepoServices,
  recordJournalFor,
  type IdRepoServices,
} from './idrepo.part.js'
export { idrepoHistory } from './idrepo.migrations.js'
export { idmapHistory } from './idmap.migrations.js'
export type { IdRepoTables, UinRow, VidRow } from './idrepo.tables.js'
export { IdRepoService, type IdentityRecord } from './id-repo.service.js'
export type { CreateIdentityRequest, UpdateIdentityRequest } from './identity-requests.js'
export { VidService, type VidInfo, type VidStatusResult } from './vid.service.js'
export {
  AuthLockService,
  authTypes,
  type AuthType,
  type AuthTypeStatus,
  type AuthTypeStatusRequest,
} from './auth-lock.service.js'
export type { IdentifierSource } from './identifier-source.js'
export { poolIdentifiers } from './pool-identifiers.js'
export { createIdRepoKeyring, type IdRepoCrypto, type IdRepoKeyring } from './idrepo-crypto.js'
export {
  identitySchema,
  documentRefSchema,
  biometricRefSchema,
  uinStatuses,
  type BiometricRef,
  type DocumentRef,
  type Identity,
  type IdentityValue,
  type UinStatus,
} from './identity-data.js'
export {
  vidPolicies,
  vidPolicyOf,
  vidStatuses,
  vidTypes,
  type VidPolicy,
  type VidType,
} from './vid-policy.js'
export { idRepoTopics, idRepoAuditEvents } from './idrepo-events.js'
export { idRepoErrors } from './errors.js'
export { anonymousProfileOf } from './anonymous-profile.js'
// The record-change journal: consent, commitments, and what the integrity log sequences.
export { RecordJournal } from './journal/record-journal-service.js'
export {
  consentEvidenceSchema,
  consentReference,
  requestDigest,
  residentConsentStatement,
  type ConsentEvidence,
  type StoredConsent,
} from './journal/consent-evidence.js'
export { recordConsentVerifier, type ConsentVerifier } from './journal/consent-verifier.js'
export { recordActions, type RecordAction } from './journal/record-actions.js'
export {
  changesOfRecord,
  countUnlogged,
  journalPage,
  markChangesLogged,
  unloggedChanges,
  type RecordChange,
} from './journal/record-journal.js'
export {
  canonicalRecordState,
  readRecordState,
  recordCommitment,
  type RecordState,
} from './journal/record-state.js'
export { journalErrors } from './journal/journal-errors.js'
export {
  auditRecordsPage,
  countJournalledRecords,
  journalledRecordsWithoutUin,
  recheckConsents,
  type AuditedRecord,
  type LatestChange,
} from './journal/record-audit.js'
