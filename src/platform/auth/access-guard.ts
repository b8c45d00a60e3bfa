import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Access, AccessGuard } from '../http/access.js'
import { httpErrors } from '../http/errors.js'
import type { AccessTokens } from './access-tokens.js'
import { authErrors } from './errors.js'
import type { PartnersService } from './partners.service.js'
import type { Principal, StaffPrincipal } from './principal.js'
import { residentSessionCookie, type ResidentSessionsService } from './resident-sessions.service.js'
import { isCrossSite } from './cross-site.js'

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Decides, for every request, who is calling and whether the route's access admits them. */
export class AuthAccessGuard implements AccessGuard {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly partners: PartnersService,
    private readonly residents: ResidentSessionsService,
    private readonly metricsToken: string | undefined,
  ) {}

  async authorize(request: FastifyRequest, access: Access): Promise<Principal | null> {
    switch (access.kind) {
      case 'public':
        return this.#staff(request)
      case 'account':
        return this.#requireStaff(request, { allowPendingPassword: true })
      case 'staff': {
        const staff = await this.#requireStaff(request, { allowPendingPassword: false })
        if (access.roles.length > 0 && !access.roles.some((role) => staff.roles.includes(role))) {
          throw httpErrors.forbidden(`one of the roles ${access.roles.join(', ')}`)
        }
        return staff
      }
      case 'partner': {
        const key = partnerKey(request)
        const partner = key ? await this.partners.verifyKey(key) : null
        if (!partner) throw key ? authErrors.invalidApiKey() : httpErrors.unauthenticated()
        return partner
      }
      case 'resident': {
        const token = request.cookies[residentSessionCookie]
        const resident = token ? await this.residents.verify(token) : null
        if (!resident) throw httpErrors.unauthenticated()
        // The session rides in a cookie, so changes must come from our own pages (CSRF).
        if (unsafeMethods.has(request.method) && isCrossSite(request))
          throw authErrors.crossSiteRequest()
        return resident
      }
      case 'scrape': {
        const bearer = bearerToken(request)
        if (bearer && this.metricsToken && sameSecret(bearer, this.metricsToken))
          return { kind: 'scraper' }
        const staff = await this.#requireStaff(request, { allowPendingPassword: false })
        if (!staff.roles.some((role) => role === 'ADMIN' || role === 'OPERATIONS')) {
          throw httpErrors.forbidden('the metrics token or one of the roles ADMIN, OPERATIONS')
        }
        return staff
      }
    }
  }

  async #staff(request: FastifyRequest): Promise<StaffPrincipal | null> {
    const token = bearerToken(request)
    return token ? this.tokens.verify(token) : null
  }

  async #requireStaff(request: FastifyRequest, options: { allowPendingPassword: boolean }) {
    const staff = await this.#staff(request)
    if (!staff) throw httpErrors.unauthenticated()
    if (staff.mustChangePassword && !options.allowPendingPassword)
      throw authErrors.passwordChangeRequired()
    return staff
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null
}

function partnerKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key']
  if (typeof header === 'string') return header.trim()
  const authorization = request.headers.authorization
  return authorization?.startsWith('ApiKey ') ? authorization.slice(7).trim() : null
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
