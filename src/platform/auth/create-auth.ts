import type { Settings } from '../config/index.js'
import type { FieldCipher } from '../crypto/index.js'
import type { Db } from '../db/index.js'
import type { HttpApp } from '../http/create-http-app.js'
import { AccessTokens } from './access-tokens.js'
import { AuthAccessGuard } from './access-guard.js'
import type { AuthTables } from './auth.tables.js'
import { registerAuthRoutes } from './auth.routes.js'
import { bootstrapAdmin } from './bootstrap-admin.js'
import { registerPartnerRoutes } from './partners.routes.js'
import { PartnersService } from './partners.service.js'
import { registerResidentSessionRoutes } from './resident-session.routes.js'
import { sealPlaintextStaffNames } from './seal-staff-names.js'
import { ResidentSessionsService } from './resident-sessions.service.js'
import { StaffAuthService } from './staff-auth.service.js'
import { StaffSessions } from './staff-sessions.js'
import { registerStaffUserRoutes } from './staff-users.routes.js'
import { StaffUsersService } from './staff-users.service.js'
import type { TokenKeys } from './token-keys.js'
import { flatZones, type ZoneHierarchy } from './zone-scope.js'

/** The auth component as the rest of the platform sees it. */
export interface Auth {
  readonly guard: AuthAccessGuard
  readonly tokens: AccessTokens
  readonly staffAuth: StaffAuthService
  readonly staffUsers: StaffUsersService
  readonly partners: PartnersService
  readonly residentSessions: ResidentSessionsService
  /** Lets the identity core supply the real zone tree; until then zones are flat. */
  useZoneHierarchy(hierarchy: ZoneHierarchy): void
  zoneHierarchy(): ZoneHierarchy
  /**
   * Encrypts staff names an earlier version stored in plaintext (see sealPlaintextStaffNames);
   * returns how many. Run at start, before anything reads staff users.
   */
  sealPlaintextNames(): Promise<number>
  /** Creates the first administrator if there is none; see bootstrapAdmin. */
  bootstrapAdmin(): ReturnType<typeof bootstrapAdmin>
  registerRoutes(app: HttpApp): void
}

export function createAuth(options: {
  db: Db
  keys: TokenKeys
  /** Encrypts staff names at rest (`auth.staff_user.display_name`). */
  cipher: FieldCipher
  settings: Settings
  issuer: string
}): Auth {
  const { settings, cipher } = options
  const db = options.db.withTables<AuthTables>()
  let zones: ZoneHierarchy = flatZones
  const sessions = new StaffSessions(db, settings.auth.refreshTokenSeconds)
  const tokens = new AccessTokens(options.keys, options.issuer, settings.auth.accessTokenSeconds)
  const staffAuth = new StaffAuthService(db, cipher, tokens, sessions, settings.auth)
  const staffUsers = new StaffUsersService(db, cipher, sessions, () => zones)
  const partners = new PartnersService(db)
  const residentSessions = new ResidentSessionsService(db, settings.auth.residentSessionSeconds)
  const guard = new AuthAccessGuard(tokens, partners, residentSessions, settings.auth.metricsToken)

  return {
    guard,
    tokens,
    staffAuth,
    staffUsers,
    partners,
    residentSessions,
    useZoneHierarchy: (hierarchy) => void (zones = hierarchy),
    zoneHierarchy: () => zones,
    sealPlaintextNames: () => sealPlaintextStaffNames(db, cipher),
    bootstrapAdmin: () => bootstrapAdmin(db, staffUsers, settings.auth.adminPassword),
    registerRoutes(app) {
      registerAuthRoutes(app, {
        staffAuth,
        db,
        cipher,
        keys: options.keys,
        loginRateLimitPerMinute: settings.server.loginRateLimitPerMinute,
        secureCookies: settings.server.publicUrl?.startsWith('https:') ?? false,
      })
      registerStaffUserRoutes(app, staffUsers)
      registerPartnerRoutes(app, partners)
      registerResidentSessionRoutes(app, residentSessions)
    },
  }
}
