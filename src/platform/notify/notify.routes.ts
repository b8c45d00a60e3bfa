import { z } from 'zod'
import { access, envelopeOf, type HttpApp, ok } from '../http/index.js'
import { languageSchema, templateNameSchema } from './notify-template.js'
import type { NotifyService } from './notify.service.js'
import {
  catalogTemplateSchema,
  outboxMessageSchema,
  outboxPageSchema,
  presentOutboxMessage,
  presentOutboxPage,
  presentTemplate,
} from './notify.presenters.js'
import { outboxQuerySchema } from './outbox-reader.js'

const tags = ['notify']
const templateKey = z.object({
  name: templateNameSchema,
  channel: z.enum(['email', 'sms']),
  language: languageSchema,
})
const templateBody = z.strictObject({
  subject: z.string().optional(),
  text: z.string(),
  html: z.string().optional(),
})

/**
 * The dev outbox and template administration, for administrators only: the outbox shows
 * decrypted recipients and bodies (OTPs among them).
 */
export function registerNotifyRoutes(app: HttpApp, notify: NotifyService): void {
  const admin = { access: access.staff('ADMIN') }

  app.get(
    '/api/v1/notify/outbox',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Stored messages, newest first, with their content decrypted',
        querystring: outboxQuerySchema,
        response: { 200: envelopeOf(outboxPageSchema) },
      },
    },
    async (request) => ok(presentOutboxPage(await notify.outbox.list(request.query))),
  )

  app.get(
    '/api/v1/notify/outbox/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'One stored message, decrypted',
        params: z.object({ id: z.uuid() }),
        response: { 200: envelopeOf(outboxMessageSchema) },
      },
    },
    async (request) => ok(presentOutboxMessage(await notify.outbox.get(request.params.id))),
  )

  app.get(
    '/api/v1/notify/templates',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Built-in templates and the programme’s overrides, every language',
        response: { 200: envelopeOf(z.array(catalogTemplateSchema)) },
      },
    },
    async () => ok((await notify.templates.list()).map(presentTemplate)),
  )

  app.put(
    '/api/v1/notify/templates/:name/:channel/:language',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Save a template for one language, overriding the built-in one',
        params: templateKey,
        body: templateBody,
        response: { 200: envelopeOf(catalogTemplateSchema) },
      },
    },
    async (request) => {
      const by = request.principal?.kind === 'staff' ? request.principal.userId : undefined
      return ok(
        presentTemplate(await notify.templates.upsert({ ...request.params, ...request.body }, by)),
      )
    },
  )

  app.delete(
    '/api/v1/notify/templates/:name/:channel/:language',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Remove an override, so the built-in template applies again',
        params: templateKey,
        response: { 200: envelopeOf(z.object({ removed: z.boolean() })) },
      },
    },
    async (request) => ok({ removed: await notify.templates.remove(request.params) }),
  )
}
