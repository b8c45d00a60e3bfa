export { identityModule } from './identity.module.js'
export { recordAudit, type AuditEntry } from './audit/index.js'
export {
  checkUin,
  checkVid,
  checkRid,
  formatRid,
  parseRid,
  allocateUin,
  allocateVid,
  nextRidSequence,
  kernelHistory,
} from './ids/index.js'
export {
  MasterDataService,
  masterHistory,
  type OpeningDecision,
  type OfficerStatus,
} from './master/index.js'
export { regprcPart, regprcHistory, type RegprcPorts } from './regprc/index.js'
export {
  idrepoPart,
  createIdRepoServices,
  IdRepoService,
  VidService,
  AuthLockService,
} from './idrepo/index.js'
export { idaPart, idaHistory, IdaService, type ConsentGate } from './ida/index.js'
export { runSeed, seedActivity, type SeedActivity, type SeedSummary } from './seed/index.js'
export { createIdRepoKeyring, type IdRepoKeyring } from './idrepo/index.js'
// The record-change journal the integrity module sequences into its log, and audits.
export {
  auditRecordsPage,
  changesOfRecord,
  consentReference,
  countJournalledRecords,
  countUnlogged,
  journalledRecordsWithoutUin,
  recheckConsents,
  type AuditedRecord,
  journalPage,
  markChangesLogged,
  readRecordState,
  recordActions,
  recordCommitment,
  recordConsentVerifier,
  unloggedChanges,
  type RecordAction,
  type RecordChange,
  type StoredConsent,
  type UinRow,
} from './idrepo/index.js'
// Test support for other modules: a fresh database with every identity schema, ready to seed.
export { openSeedHarness, type SeedHarness } from './seed/seed.test-kit.js'
// The topics the reporting module's live stream listens to.
export { stageTopic, workflowCompletedTopic } from './regprc/index.js'
export { authTransactionTopic } from './ida/index.js'
// Test support for other modules: the registration processor driven step by step.
export { openRegprcHarness, type RegprcHarness } from './regprc/test-support/regprc-harness.js'
export { makePacket } from './regprc/test-support/packet-factory.js'
// Test support for other modules: identity requests and received packets (packet consent).
export { sampleRequest, testRid } from './idrepo/idrepo.test-kit.js'
export { receivedPacket } from './idrepo/journal/journal.test-kit.js'
