import { z } from 'zod'
import { staff } from '../../platform/auth/index.js'
import { access, envelopeOf, mosipRequestOf, ok, type HttpApp } from '../../platform/http/index.js'
import {
  authTypes,
  authTypeStatusRequestSchema,
  type AuthLockService,
} from './auth-lock.service.js'
import { idRepoErrors } from './errors.js'
import type { IdRepoService } from './id-repo.service.js'
import {
  biometricRefSchema,
  documentRefSchema,
  identitySchema,
  identityValueSchema,
  ridSchema,
  uinSchema,
  uinStatuses,
  vidSchema,
} from './identity-data.js'
import {
  authTypeStatusResponseSchema,
  identityResponseSchema,
  presentAuthTypeStatus,
  presentIdentity,
  presentVid,
  presentVidStatus,
  vidResponseSchema,
  vidStatusResponseSchema,
} from './idrepo.presenters.js'
import { consentEvidenceSchema } from './journal/consent-evidence.js'
import { vidStatuses, vidTypes } from './vid-policy.js'
import type { VidService } from './vid.service.js'

export interface IdRepoRouteDeps {
  readonly idRepo: IdRepoService
  readonly vids: VidService
  readonly locks: AuthLockService
}

const base = '/idrepository/v1'
const tags = ['id repository']
/** Internal APIs of the identity core (MOSIP: REGISTRATION_PROCESSOR, ID_AUTHENTICATION roles). */
const internal = { access: access.staff('ADMIN') }
/** Identity changes carry their consent; without one, the registration packet (`rid`) is it. */
const changeConsent = {
  consent: consentEvidenceSchema.optional(),
  consentKey: z.string().max(64).optional(),
}

/** MOSIP's ID repository paths (IdRepoController, VidController), for administrators. */
export function registerIdRepoRoutes(app: HttpApp, deps: IdRepoRouteDeps): void {
  const { idRepo, vids, locks } = deps

  app.post(
    `${base}/identity/`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Create an identity (a new UIN) for a processed registration',
        body: mosipRequestOf(
          'mosip.id.create',
          z.object({
            registrationId: ridSchema,
            biometricReferenceId: z.string().min(1).max(128).optional(),
            identity: identitySchema,
            documents: z.array(documentRefSchema).max(50).default([]),
            biometrics: z.array(biometricRefSchema).max(20).default([]),
            ...changeConsent,
          }),
        ),
        response: { 200: envelopeOf(identityResponseSchema) },
      },
    },
    async (request) => {
      const body = request.body.request
      const record = await idRepo.create(
        {
          rid: body.registrationId,
          identity: body.identity,
          documents: body.documents,
          biometrics: body.biometrics,
          ...(body.biometricReferenceId && { bioRefId: body.biometricReferenceId }),
          ...(body.consent && { consent: body.consent }),
          ...(body.consentKey && { consentKey: body.consentKey }),
        },
        staff(request).username,
      )
      return ok(presentIdentity(record), 'mosip.id.create')
    },
  )

  app.patch(
    `${base}/identity/`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Update an identity (attributes given replace the stored ones) or its status',
        body: mosipRequestOf(
          'mosip.id.update',
          z.object({
            registrationId: ridSchema,
            status: z.enum(uinStatuses).optional(),
            // MOSIP names the record by the UIN inside the identity object.
            identity: z.record(z.string(), identityValueSchema).and(z.object({ UIN: uinSchema })),
            documents: z.array(documentRefSchema).max(50).default([]),
            biometrics: z.array(biometricRefSchema).max(20).default([]),
            ...changeConsent,
          }),
        ),
        response: { 200: envelopeOf(identityResponseSchema) },
      },
    },
    async (request) => {
      const { identity, registrationId, status, documents, biometrics, consent, consentKey } =
        request.body.request
      const { UIN, ...attributes } = identity
      const record = await idRepo.update(
        UIN,
        {
          rid: registrationId,
          identity: attributes,
          documents,
          biometrics,
          ...(status && { status }),
          ...(consent && { consent }),
          ...(consentKey && { consentKey }),
        },
        staff(request).username,
      )
      return ok(presentIdentity(record), 'mosip.id.update')
    },
  )

  app.get(
    `${base}/identity/idvid/:id`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Read an identity by UIN, RID or VID (a VID read counts as one of its uses)',
        params: z.object({ id: z.string().regex(/^\d{8,39}$/) }),
        querystring: z.object({ idType: z.enum(['UIN', 'RID', 'VID']).optional() }),
        response: { 200: envelopeOf(identityResponseSchema) },
      },
    },
    async (request) => {
      const { id } = request.params
      const idType = request.query.idType ?? guessIdType(id)
      const actor = staff(request).username
      const record =
        idType === 'RID'
          ? await idRepo.getByRid(id, actor)
          : idType === 'VID'
            ? await vids.resolve(id, actor)
            : await idRepo.getByUin(id, actor)
      return ok(presentIdentity(record), 'mosip.id.read')
    },
  )

  app.post(
    `${base}/vid`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Create a VID under the VID policy',
        body: mosipRequestOf(
          'mosip.vid.create',
          z.object({ UIN: uinSchema, vidType: z.enum(vidTypes), consent: consentEvidenceSchema }),
        ),
        response: { 200: envelopeOf(vidResponseSchema) },
      },
    },
    async (request) => {
      const { UIN, vidType, consent } = request.body.request
      return ok(
        presentVid(await vids.create(UIN, vidType, staff(request).username, consent)),
        'mosip.vid.create',
      )
    },
  )

  app.patch(
    `${base}/vid/:vid`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Change an ACTIVE VID status (REVOKED, ...); a revoked Perpetual VID is restored',
        params: z.object({ vid: vidSchema }),
        body: mosipRequestOf(
          'mosip.vid.update',
          z.object({
            vidStatus: z.enum(vidStatuses.filter((s) => s !== 'ACTIVE')),
            consent: consentEvidenceSchema,
          }),
        ),
        response: { 200: envelopeOf(vidStatusResponseSchema) },
      },
    },
    async (request) => {
      const { vidStatus, consent } = request.body.request
      const result = await vids.updateStatus(
        request.params.vid,
        vidStatus,
        staff(request).username,
        consent,
      )
      return ok(presentVidStatus(result), 'mosip.vid.update')
    },
  )

  app.post(
    `${base}/vid/:vid/regenerate`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Invalidate a VID and issue a new one of its type',
        params: z.object({ vid: vidSchema }),
        body: mosipRequestOf('mosip.vid.regenerate', z.object({ consent: consentEvidenceSchema })),
        response: { 200: envelopeOf(vidResponseSchema) },
      },
    },
    async (request) => {
      const { vid } = request.params
      const { consent } = request.body.request
      return ok(
        presentVid(await vids.regenerate(vid, staff(request).username, consent)),
        'mosip.vid.regenerate',
      )
    },
  )

  app.get(
    `${base}/vid/uin/:uin`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'The active VIDs of a UIN',
        params: z.object({ uin: uinSchema }),
        response: { 200: envelopeOf(z.array(vidResponseSchema)) },
      },
    },
    async (request) => ok((await vids.listByUin(request.params.uin)).map(presentVid)),
  )

  app.get(
    `${base}/identity/authtypes/status/individualIds/:id`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Lock status of every auth type of a UIN',
        params: z.object({ id: uinSchema }),
        response: { 200: envelopeOf(z.array(authTypeStatusResponseSchema)) },
      },
    },
    async (request) => ok((await locks.status(request.params.id)).map(presentAuthTypeStatus)),
  )

  app.patch(
    `${base}/identity/authtypes/status`,
    {
      config: internal,
      schema: {
        tags,
        summary: 'Lock or unlock auth types of a UIN (optionally unlock for a while)',
        body: z.object({
          id: z.literal('mosip.identity.authtype.status.update'),
          version: z.string().min(1),
          requesttime: z.iso.datetime({ offset: true }),
          individualId: uinSchema,
          individualIdType: z.literal('UIN').default('UIN'),
          request: z
            .array(
              z.object({
                authType: z.enum(['demo', 'bio', 'otp']),
                authSubType: z.string().max(16).nullish(),
                locked: z.boolean(),
                unlockForSeconds: z.number().int().positive().optional(),
              }),
            )
            .min(1)
            .max(authTypes.length),
          consent: consentEvidenceSchema,
        }),
        response: { 200: envelopeOf(z.array(authTypeStatusResponseSchema)) },
      },
    },
    async (request) => {
      const items = request.body.request.map((item) => ({
        authType: item.authSubType ? `${item.authType}-${item.authSubType}` : item.authType,
        locked: item.locked,
        ...(item.unlockForSeconds && { unlockForSeconds: item.unlockForSeconds }),
      }))
      const parsed = authTypeStatusRequestSchema.safeParse(items)
      if (!parsed.success) throw idRepoErrors.invalidInput('request.authType')
      const statuses = await locks.update(
        request.body.individualId,
        parsed.data,
        staff(request).username,
        request.body.consent,
      )
      return ok(statuses.map(presentAuthTypeStatus), 'mosip.identity.authtype.status.update')
    },
  )
}

/** MOSIP's default when idType is absent: by length (RID 29, VID 16, else UIN). */
function guessIdType(id: string): 'UIN' | 'RID' | 'VID' {
  if (id.length === 29) return 'RID'
  if (id.length === 16) return 'VID'
  return 'UIN'
}
