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
export { idrepoPart, IdRepoService, VidService, AuthLockService } from './idrepo/index.js'
export { idaPart, idaHistory, IdaService, type ConsentGate } from './ida/index.js'
export { runSeed, seedActivity, type SeedActivity, type SeedSummary } from './seed/index.js'
export { createIdRepoKeyring, type IdRepoKeyring } from './idrepo/index.js'
// Test support for other modules: a fresh database with every identity schema, ready to seed.
export { openSeedHarness, type SeedHarness } from './seed/seed.test-kit.js'
// The topics the reporting module's live stream listens to.
export { stageTopic, workflowCompletedTopic } from './regprc/index.js'
export { authTransactionTopic } from './ida/index.js'
// Test support for other modules: the registration processor driven step by step.
export { openRegprcHarness, type RegprcHarness } from './regprc/test-support/regprc-harness.js'
export { makePacket } from './regprc/test-support/packet-factory.js'
