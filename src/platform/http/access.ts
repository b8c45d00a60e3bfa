import type { FastifyRequest } from 'fastify'
import type { Principal } from '../auth/principal.js'
import type { Role } from '../auth/roles.js'

/**
 * Who may call a route. Every route declares one in `config.access`; the app refuses to start
 * with a route that does not, so nothing is open by accident.
 */
export type Access =
  | { readonly kind: 'public'; readonly reason: string }
  /** Staff holding at least one of `roles`; an empty list admits any signed-in staff member. */
  | { readonly kind: 'staff'; readonly roles: readonly Role[] }
  /** Any signed-in staff member acting on their own account, even before a required password change. */
  | { readonly kind: 'account' }
  | { readonly kind: 'partner' }
  | { readonly kind: 'resident' }
  /** The metrics scraper's token, or staff with ADMIN or OPERATIONS. */
  | { readonly kind: 'scrape' }

/**
 * Constructors for route access declarations.
 *
 * @example
 * app.get('/api/v1/users', { config: { access: access.staff('ADMIN') } }, handler)
 */
export const access = {
  public: (reason: string): Access => ({ kind: 'public', reason }),
  staff: (...roles: Role[]): Access => ({ kind: 'staff', roles }),
  account: (): Access => ({ kind: 'account' }),
  partner: (): Access => ({ kind: 'partner' }),
  resident: (): Access => ({ kind: 'resident' }),
  scrape: (): Access => ({ kind: 'scrape' }),
}

/**
 * Establishes who is calling. Implemented by the auth component; throws an AppError (401/403)
 * when the caller may not use the route. For public routes it returns the caller when
 * credentials are present and valid, else null.
 */
export interface AccessGuard {
  authorize(request: FastifyRequest, access: Access): Promise<Principal | null>
}

/** A registered route and who may call it, as the route-access test and docs list them. */
export interface RouteEntry {
  readonly method: string | string[]
  readonly url: string
  readonly access: Access | null
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, with its access declaration. */
    routeCatalog(): RouteEntry[]
  }
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}
