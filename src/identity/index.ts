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
