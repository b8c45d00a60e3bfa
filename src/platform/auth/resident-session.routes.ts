import { z } from 'zod'
import { access } from '../http/access.js'
import type { HttpApp } from '../http/create-http-app.js'
import { envelopeOf, ok } from '../http/envelope.js'
import { httpErrors } from '../http/errors.js'
import { residentSessionCookie, type ResidentSessionsService } from './resident-sessions.service.js'

/**
 * The resident session itself: read it and end it. Signing in (OTP, eSignet) is the resident
 * module's, which opens sessions through ResidentSessionsService.
 */
export function registerResidentSessionRoutes(
  app: HttpApp,
  sessions: ResidentSessionsService,
): void {
  const tags = ['resident session']

  app.get(
    '/api/v1/resident/session',
    {
      config: { access: access.resident() },
      schema: {
        tags,
        summary: 'The current resident session',
        response: {
          200: envelopeOf(
            z.object({
              sessionId: z.string(),
              authMethod: z.string(),
              createdAt: z.string(),
              expiresAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const principal = request.principal
      const session =
        principal?.kind === 'resident' ? await sessions.describe(principal.sessionId) : undefined
      if (!session) throw httpErrors.unauthenticated()
      return ok({
        sessionId: session.id,
        authMethod: session.auth_method,
        createdAt: new Date(session.created_at).toISOString(),
        expiresAt: session.idle_expires_at.toISOString(),
      })
    },
  )

  app.post(
    '/api/v1/resident/logout',
    {
      config: { access: access.resident() },
      schema: {
        tags,
        summary: 'End the resident session',
        response: { 200: envelopeOf(z.object({ signedOut: z.boolean() })) },
      },
    },
    async (request, reply) => {
      if (request.principal?.kind === 'resident') await sessions.close(request.principal.sessionId)
      reply.clearCookie(residentSessionCookie, { path: '/' })
      return ok({ signedOut: true })
    },
  )
}
