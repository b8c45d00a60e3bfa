export { createAuth, type Auth } from './create-auth.js'
export { authMigrations } from './auth.migrations.js'
export { authErrors } from './errors.js'
export { roles, roleSchema, type Role } from './roles.js'
export type {
  Principal,
  StaffPrincipal,
  PartnerPrincipal,
  ResidentPrincipal,
  ScraperPrincipal,
} from './principal.js'
export { staff } from './staff-users.routes.js'
export { residentSessionCookie } from './resident-sessions.service.js'
export { partnerTypes, type PartnerType } from './partners.service.js'
export {
  allZones,
  flatZones,
  staffCoversZone,
  staffCoversZones,
  type ZoneHierarchy,
} from './zone-scope.js'
export type { TokenKeys } from './token-keys.js'
export { tokenKeysFromStore } from './key-store-token-keys.js'
