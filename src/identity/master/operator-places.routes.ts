import { z } from 'zod'
import { envelopeOf, type HttpApp, ok } from '../../platform/http/index.js'
import { actorOf, assertReadable, readAccess, writeAccess } from './master-access.js'
import type { MasterDataService } from './master-data.service.js'
import {
  locationSchema,
  pageOf,
  presentLocation,
  presentPage,
  presentUser,
  presentZone,
  statusSchema,
  userSchema,
  zoneSchema,
} from './master.presenters.js'
import {
  centerId,
  code,
  createLocationSchema,
  createUserSchema,
  createZoneSchema,
  langCode,
  masterRequestOf,
  namesByLanguage,
  pageQuery,
  statusQuery,
  updateUserSchema,
  userId,
} from './master.schemas.js'

const base = '/api/v1/masterdata'

/** Operators (user_detail + zone_user), zones and locations under MOSIP's admin paths. */
export function registerOperatorAndPlaceRoutes(app: HttpApp, master: MasterDataService): void {
  const tags = ['masterdata: users']
  app.post(
    `${base}/users`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Map an operator to a zone and center (user_detail, zone_user)',
        body: masterRequestOf(createUserSchema),
        response: { 200: envelopeOf(userSchema) },
      },
    },
    async (request) =>
      ok(presentUser(await master.operators.create(actorOf(request), request.body.request))),
  )

  app.put(
    `${base}/users`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Update an operator; writes user_detail_h',
        body: masterRequestOf(updateUserSchema),
        response: { 200: envelopeOf(userSchema) },
      },
    },
    async (request) => {
      const { id, ...changes } = request.body.request
      return ok(presentUser(await master.operators.update(actorOf(request), id, changes)))
    },
  )

  app.patch(
    `${base}/users`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Activate or deactivate an operator',
        querystring: statusQuery.extend({ id: userId }),
        response: { 200: envelopeOf(statusSchema) },
      },
    },
    async (request) => {
      const { id, isActive } = request.query
      await master.lifecycle[isActive ? 'activate' : 'deactivate'](actorOf(request), 'user', id)
      return ok({ id, status: isActive ? 'ACTIVATED' : 'DEACTIVATED' })
    },
  )

  app.put(
    `${base}/users/decommission/:id`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Decommission an operator (soft delete, also unmaps the zone)',
        params: z.object({ id: userId }),
        response: { 200: envelopeOf(statusSchema) },
      },
    },
    async (request) => {
      await master.lifecycle.decommission(actorOf(request), 'user', request.params.id)
      return ok({ id: request.params.id, status: 'DECOMMISSIONED' })
    },
  )

  app.get(
    `${base}/users`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'Page through the operators in your zones',
        querystring: pageQuery.extend({ regCenterId: centerId.optional() }),
        response: { 200: envelopeOf(pageOf(userSchema)) },
      },
    },
    async (request) => {
      const { regCenterId, ...filter } = request.query
      const page = await master.operators.list(actorOf(request), {
        ...filter,
        ...(regCenterId && { centerId: regCenterId }),
      })
      return ok(presentPage(page, filter, presentUser))
    },
  )

  app.get(
    `${base}/users/:id`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'An operator',
        params: z.object({ id: userId }),
        response: { 200: envelopeOf(userSchema) },
      },
    },
    async (request) => {
      const operator = await master.operators.get(request.params.id)
      await assertReadable(master, request, 'user', operator.id, operator.zone_code)
      return ok(presentUser(operator))
    },
  )

  const zoneTags = ['masterdata: zones and locations']
  app.get(
    `${base}/zones/hierarchy/:langCode`,
    {
      config: readAccess,
      schema: {
        tags: zoneTags,
        summary: 'Every zone, root first',
        params: z.object({ langCode }),
        response: { 200: envelopeOf(z.object({ zones: z.array(zoneSchema) })) },
      },
    },
    async (request) =>
      ok({ zones: (await master.places.listZones(request.params.langCode)).map(presentZone) }),
  )

  app.post(
    `${base}/zones`,
    {
      config: writeAccess,
      schema: {
        tags: zoneTags,
        summary: 'Add a zone under one you administer',
        body: masterRequestOf(createZoneSchema),
        response: { 200: envelopeOf(zoneSchema) },
      },
    },
    async (request) => {
      const { translations, ...zone } = request.body.request
      return ok(
        presentZone(
          await master.places.createZone(actorOf(request), {
            ...zone,
            translations: namesByLanguage(translations),
          }),
        ),
      )
    },
  )

  app.get(
    `${base}/locations/:langCode`,
    {
      config: readAccess,
      schema: {
        tags: zoneTags,
        summary: 'Every location of a language',
        params: z.object({ langCode }),
        response: { 200: envelopeOf(z.object({ locations: z.array(locationSchema) })) },
      },
    },
    async (request) =>
      ok({
        locations: (await master.places.listLocations(request.params.langCode)).map(
          presentLocation,
        ),
      }),
  )

  app.get(
    `${base}/locations/immediatechildren/:locationCode/:langCode`,
    {
      config: readAccess,
      schema: {
        tags: zoneTags,
        summary: 'The children of a location',
        params: z.object({ locationCode: code, langCode }),
        response: { 200: envelopeOf(z.object({ locations: z.array(locationSchema) })) },
      },
    },
    async (request) =>
      ok({
        locations: (
          await master.places.listLocations(request.params.langCode, request.params.locationCode)
        ).map(presentLocation),
      }),
  )

  app.post(
    `${base}/locations`,
    {
      config: writeAccess,
      schema: {
        tags: zoneTags,
        summary: 'Add a location',
        body: masterRequestOf(createLocationSchema),
        response: { 200: envelopeOf(locationSchema) },
      },
    },
    async (request) => {
      const { translations, ...location } = request.body.request
      return ok(
        presentLocation(
          await master.places.createLocation(actorOf(request), {
            ...location,
            translations: namesByLanguage(translations),
          }),
        ),
      )
    },
  )
}
