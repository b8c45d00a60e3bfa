export { regprcPart, createRegprcPart, type RegprcPorts } from './regprc.part.js'
export { regprcHistory } from './schema/regprc.migrations.js'
export type { RegprcTables } from './schema/regprc.tables.js'
export type {
  AbisCandidate,
  AbisPort,
  IdentityPort,
  IdentityRecord,
  MasterDataPort,
  MasterEntityKind,
  PacketStore,
  UinStatus,
} from './ports.js'
export { createTemplateMatcher } from './abis/template-matcher.js'
export { unwiredIdentity, unwiredMasterData } from './adapters/unwired-ports.js'
export {
  identityViewAdapter,
  unwiredIdentityView,
  type IdentityView,
  type IdentityViewPort,
} from './adjudication/identity-view.port.js'
export type { AdjudicationComparison } from './adjudication/comparison.service.js'
export { packetSchema, type RegistrationPacket } from './packet.schema.js'
export { regprcErrors } from './errors.js'
export { adjudicationErrors } from './adjudication/adjudication.errors.js'
export {
  regprcSettingsSchema,
  defaultRegprcSettings,
  type RegprcSettings,
} from './regprc.settings.js'
export {
  stageTopic,
  workflowCompletedTopic,
  workflowPausedForAdditionalInfoTopic,
  type StageEventData,
  type WorkflowCompletedData,
  type WorkflowPausedForAdditionalInfoData,
} from './engine/workflow-events.js'
export * from './vocabulary/index.js'
export { readGalleryTemplates } from './abis/gallery-templates.js'
