import { z } from 'zod'
import { access } from '../http/access.js'
import type { HttpApp } from '../http/create-http-app.js'
import { envelopeOf, ok } from '../http/envelope.js'
import { httpErrors } from '../http/errors.js'
import type { Partner } from './auth.tables.js'
import { partnerTypes, type PartnersService } from './partners.service.js'
import { staff } from './staff-users.routes.js'

const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  partnerType: z.string(),
  status: z.string(),
  createdAt: z.string(),
})

function presentPartner(partner: Partner): z.infer<typeof partnerSchema> {
  return {
    id: partner.id,
    name: partner.name,
    partnerType: partner.partner_type,
    status: partner.status,
    createdAt: new Date(partner.created_at).toISOString(),
  }
}

const partnerId = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/)

/** Relying-party administration: partners and their API keys (ADMIN). */
export function registerPartnerRoutes(app: HttpApp, partners: PartnersService): void {
  const admin = { access: access.staff('ADMIN') }
  const tags = ['partners']

  app.get(
    '/api/v1/partners',
    {
      config: admin,
      schema: {
        tags,
        summary: 'List partners',
        response: { 200: envelopeOf(z.array(partnerSchema)) },
      },
    },
    async () => ok((await partners.list()).map(presentPartner)),
  )

  app.post(
    '/api/v1/partners',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Register a partner',
        body: z.object({
          id: partnerId,
          name: z.string().trim().min(1).max(128),
          type: z.enum(partnerTypes),
        }),
        response: { 200: envelopeOf(partnerSchema) },
      },
    },
    async (request) =>
      ok(presentPartner(await partners.create(request.body, staff(request).username))),
  )

  app.post(
    '/api/v1/partners/:id/api-keys',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Issue an API key; the key is shown only in this response',
        params: z.object({ id: partnerId }),
        body: z.object({
          label: z.string().trim().min(1).max(64),
          expiresAt: z.iso.datetime().optional(),
        }),
        response: { 200: envelopeOf(z.object({ keyId: z.string(), apiKey: z.string() })) },
      },
    },
    async (request) => {
      const { label, expiresAt } = request.body
      return ok(
        await partners.issueKey(
          request.params.id,
          label,
          expiresAt ? new Date(expiresAt) : undefined,
        ),
      )
    },
  )

  app.delete(
    '/api/v1/partners/:id/api-keys/:keyId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: z.object({ id: partnerId, keyId: z.string().regex(/^[0-9a-f]{12}$/) }),
        response: { 200: envelopeOf(z.object({ revoked: z.boolean() })) },
      },
    },
    async (request) => {
      await partners.revokeKey(request.params.id, request.params.keyId)
      return ok({ revoked: true })
    },
  )

  app.get(
    '/api/v1/partner/whoami',
    {
      config: { access: access.partner() },
      schema: {
        tags,
        summary: 'The partner an API key belongs to (for relying parties to check their key)',
        response: {
          200: envelopeOf(
            z.object({ partnerId: z.string(), partnerType: z.string(), keyId: z.string() }),
          ),
        },
      },
    },
    async (request) => {
      const principal = request.principal
      if (principal?.kind !== 'partner') throw httpErrors.unauthenticated()
      return ok({
        partnerId: principal.partnerId,
        partnerType: principal.partnerType,
        keyId: principal.keyId,
      })
    },
  )
}
