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
          ),
        },
      },
    },
    async (request) =>
      ok(
        await searchStatuses(
          deps.db,
          deps.settings,
          request.body.request.map((item) => item.registrationId),
        ),
        'mosip.registration.status',
      ),
  )

  // The packet is hashed exactly as received, so this scope reads JSON bodies as text.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    )
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
            status: 'Packet is in PACKET_RECEIVED status',
            registrationId: received.registrationId,
          },
          'mosip.registration.packet',
        )
      },
    )
  })
}
