import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { access } from '../http/access.js'
import type { HttpApp } from '../http/create-http-app.js'
import { envelopeOf, ok } from '../http/envelope.js'
import { isCrossSite } from './cross-site.js'
import { authErrors } from './errors.js'
import { presentStaffUser } from './present-staff-user.js'
import { staffUserSchema } from './staff-user.schema.js'
import type { StaffAuthService, StaffSignIn } from './staff-auth.service.js'
import { findStaffUserById } from './staff-user.repository.js'
import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/index.js'
import type { AuthTables } from './auth.tables.js'
import type { TokenKeys } from './token-keys.js'

const refreshCookie = 'mosaic_refresh'
const refreshCookiePath = '/api/v1/auth'

const signInSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number(),
  user: staffUserSchema,
})

export interface AuthRoutesOptions {
  staffAuth: StaffAuthService
  db: Kysely<AuthTables>
  /** Decrypts the signed-in user's name for `/auth/me`. */
  cipher: FieldCipher
  keys: TokenKeys
  loginRateLimitPerMinute: number
  secureCookies: boolean
}

/** Staff sign-in, refresh, sign-out, own account, and the JWKS that verifies staff tokens. */
export function registerAuthRoutes(app: HttpApp, options: AuthRoutesOptions): void {
  const { staffAuth } = options

  const signedIn = (reply: FastifyReply, signIn: StaffSignIn) => {
    reply.setCookie(refreshCookie, signIn.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      path: refreshCookiePath,
      expires: signIn.refreshExpiresAt,
    })
    return ok({
      accessToken: signIn.accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: signIn.expiresIn,
      user: presentStaffUser(signIn.user),
    })
  }

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: access.public('staff sign-in'),
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in as staff',
        body: z.object({
          username: z.string().min(1).max(128),
          password: z.string().min(1).max(256),
        }),
        response: { 200: envelopeOf(signInSchema) },
      },
    },
    async (request, reply) =>
      signedIn(reply, await staffAuth.login(request.body.username, request.body.password)),
  )

  app.post(
    '/api/v1/auth/refresh',
    {
      config: { access: access.public('exchanges the refresh cookie for a new access token') },
      schema: {
        tags: ['auth'],
        summary: 'Refresh the access token',
        response: { 200: envelopeOf(signInSchema) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[refreshCookie]
      if (!token || isCrossSite(request)) throw authErrors.sessionExpired()
      return signedIn(reply, await staffAuth.refresh(token))
    },
  )

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: access.public('ends the session named by the refresh cookie') },
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 200: envelopeOf(z.object({ signedOut: z.boolean() })) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[refreshCookie]
      if (token && !isCrossSite(request)) await staffAuth.logout(token)
      reply.clearCookie(refreshCookie, { path: refreshCookiePath })
      return ok({ signedOut: true })
    },
  )

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: access.account() },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff user',
        response: { 200: envelopeOf(staffUserSchema) },
      },
    },
    async (request) => {
      const principal = request.principal
      const user =
        principal?.kind === 'staff'
          ? await findStaffUserById(options.db, options.cipher, principal.userId)
          : undefined
      if (!user) throw authErrors.sessionExpired()
      return ok(presentStaffUser(user))
    },
  )

  app.post(
    '/api/v1/auth/password',
    {
      config: {
        access: access.account(),
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: z.object({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: { 200: envelopeOf(signInSchema) },
      },
    },
    async (request, reply) => {
      const principal = request.principal
      if (principal?.kind !== 'staff') throw authErrors.sessionExpired()
      const { currentPassword, newPassword } = request.body
      return signedIn(
        reply,
        await staffAuth.changePassword(principal.userId, currentPassword, newPassword),
      )
    },
  )

  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: access.public('public keys that verify staff access tokens') },
      schema: { tags: ['auth'], summary: 'JSON Web Key Set of staff token signing keys' },
    },
    async () => ({ keys: await options.keys.jwks() }),
  )
}
