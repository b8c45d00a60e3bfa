import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staff } from '../../../platform/auth/index.js'
import type { FieldCipher } from '../../../platform/crypto/index.js'
import type { Db } from '../../../platform/db/index.js'
import {
  access,
  envelopeOf,
  mosipRequestOf,
  ok,
  type HttpApp,
} from '../../../platform/http/index.js'
import { regprcErrors } from '../errors.js'
import type { RegprcSettings } from '../regprc.settings.js'
import { externalStatusCodes } from '../vocabulary/external-status.js'
import { statusComment } from '../vocabulary/sub-status.js'
import { receivePacket, type PacketReceiverDeps } from './packet-receiver.service.js'
import { searchStatuses } from './status.service.js'
import { syncResultSchema } from './sync.schema.js'
import { syncRegistrations } from './sync.service.js'

export interface IntakeRouteDeps extends PacketReceiverDeps {
  readonly db: Db
  readonly cipher: FieldCipher
  readonly settings: RegprcSettings
}

const base = '/registrationprocessor/v1'
const tags = ['registration processor']

/**
 * MOSIP's packet intake paths: sync, packet upload and status search. Registration officers and
 * supervisors call them with their staff token (the registration app signs in as the officer).
 */
export async function registerIntakeRoutes(app: HttpApp, deps: IntakeRouteDeps): Promise<void> {
  const clients = { access: access.staff('REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR') }

  app.post(
    `${base}/registrationstatus/sync`,
    {
      config: clients,
      schema: {
        tags,
        summary: 'Announce packets before upload (SyncRegistrationDTO items)',
        body: mosipRequestOf('mosip.registration.sync', z.array(z.unknown()).min(1).max(500)),
        response: { 200: envelopeOf(z.array(syncResultSchema)) },
      },
    },
    async (request) =>
      ok(
        await syncRegistrations(deps, request.body.request, staff(request).username),
        'mosip.registration.sync',
      ),
  )

  app.post(
    `${base}/registrationstatus/search`,
    {
      config: {
        access: access.staff(
          'REGISTRATION_OFFICER',
          'REGISTRATION_SUPERVISOR',
          'ADMIN',
          'OPERATIONS',
        ),
      },
      schema: {
        tags,
        summary: 'External status of registrations',
        body: mosipRequestOf(
          'mosip.registration.status',
          z
            .array(z.object({ registrationId: z.string().regex(/^\d{29}$/) }))
            .min(1)
            .max(100),
        ),
        response: {
          200: envelopeOf(
            z.array(
              z.object({ registrationId: z.string(), statusCode: z.enum(externalStatusCodes) }),
            ),
          ).extend({
            errors: z.array(
              z.object({
                errorCode: z.string(),
                message: z.string(),
                registrationId: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rids = request.body.request.map((item) => item.registrationId)
      const found = await searchStatuses(deps.db, deps.settings, rids)
      // As MOSIP's RegistrationStatusController: each RID neither synced nor received is an error.
      const notFound = rids.filter((rid) => !found.some((f) => f.registrationId === rid))
      const missing = regprcErrors.registrationNotFound()
      return {
        ...ok(found, 'mosip.registration.status'),
        errors: [...new Set(notFound)].map((registrationId) => ({
          errorCode: missing.code,
          message: missing.message,
          registrationId,
        })),
      }
    },
  )

  // The packet is hashed exactly as received, so this scope reads JSON bodies as text.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    )
    // MOSIP answers an oversized packet with RPR-PKR-002; the platform's handler renders it.
    scope.setErrorHandler((error) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw regprcErrors.invalidPacketSize(deps.settings.maxPacketBytes)
      throw error
    })
    scope.post(
      `${base}/packetreceiver/registrationpackets`,
      {
        config: clients,
        bodyLimit: deps.settings.maxPacketBytes,
        schema: {
          tags,
          summary: 'Upload a synced packet (JSON; see docs/identity.md)',
          body: z.string(),
          response: {
            200: envelopeOf(z.object({ status: z.string(), registrationId: z.string() })),
          },
        },
      },
      async (request) => {
        if (!request.body) throw regprcErrors.invalidPacketFormat('the body is empty')
        const received = await receivePacket(deps, request.body, staff(request).username)
        return ok(
          {
            status: statusComment('PACKET_RECEIVED'),
            registrationId: received.registrationId,
          },
          'mosip.registration.packet',
        )
      },
    )
  })
}
