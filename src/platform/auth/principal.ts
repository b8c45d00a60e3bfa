import type { Role } from './roles.js'

/** A signed-in staff member, from a verified access token. */
export interface StaffPrincipal {
  readonly kind: 'staff'
  readonly userId: string
  readonly sessionId: string
  readonly username: string
  readonly roles: readonly Role[]
  /** Zone codes the user administers; '*' means every zone (as MOSIP's root zone). */
  readonly zones: readonly string[]
  /** Signed in with a one-time password: may only manage their own account until changed. */
  readonly mustChangePassword: boolean
}

/** A relying party (bank, ministry) calling with one of its API keys. */
export interface PartnerPrincipal {
  readonly kind: 'partner'
  readonly partnerId: string
  readonly keyId: string
  readonly partnerType: string
}

/** A resident signed in to the portal. Holds no identifier in the clear. */
export interface ResidentPrincipal {
  readonly kind: 'resident'
  readonly sessionId: string
  /** Keyed hash of the individual's UIN/VID; the identity core maps it back. */
  readonly individualRef: string
}

/** Prometheus, scraping /metrics with the configured token. */
export interface ScraperPrincipal {
  readonly kind: 'scraper'
}

export type Principal = StaffPrincipal | PartnerPrincipal | ResidentPrincipal | ScraperPrincipal
