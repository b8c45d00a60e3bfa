export { idrepoPart, createIdRepoServices, type IdRepoServices } from './idrepo.part.js'
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
