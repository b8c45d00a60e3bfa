import { z } from 'zod'
import { envelopeOf, type HttpApp, ok } from '../../platform/http/index.js'
import type { NewCenter } from './center.service.js'
import { actorOf, assertReadable, readAccess, writeAccess } from './master-access.js'
import type { MasterDataService } from './master-data.service.js'
import {
  centerSchema,
  pageOf,
  presentCenter,
  presentPage,
  statusSchema,
} from './master.presenters.js'
import {
  type CenterBody,
  centerId,
  code,
  createCenterSchema,
  holidaySchema,
  langCode,
  masterRequestOf,
  pageQuery,
  statusQuery,
  updateCenterSchema,
  workingDayCodes,
} from './master.schemas.js'

const base = '/api/v1/masterdata'
const tags = ['masterdata: registration centers']

/** Registration centers, their working days and holidays, under MOSIP's admin paths. */
export function registerCenterRoutes(app: HttpApp, master: MasterDataService): void {
  app.post(
    `${base}/registrationcenters`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Create a registration center (id from rcid_seq; inactive unless isActive)',
        body: masterRequestOf(createCenterSchema),
        response: { 200: envelopeOf(centerSchema) },
      },
    },
    async (request) =>
      ok(
        presentCenter(
          await master.centers.create(actorOf(request), centerInput(request.body.request)),
        ),
      ),
  )

  app.put(
    `${base}/registrationcenters`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Update a registration center; writes registration_center_h',
        body: masterRequestOf(updateCenterSchema),
        response: { 200: envelopeOf(centerSchema) },
      },
    },
    async (request) => {
      const { id, ...changes } = request.body.request
      return ok(
        presentCenter(await master.centers.update(actorOf(request), id, centerInput(changes))),
      )
    },
  )

  app.patch(
    `${base}/registrationcenters`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Activate or deactivate a registration center',
        querystring: statusQuery.extend({ id: centerId }),
        response: { 200: envelopeOf(statusSchema) },
      },
    },
    async (request) => {
      const { id, isActive } = request.query
      await master.lifecycle[isActive ? 'activate' : 'deactivate'](actorOf(request), 'center', id)
      return ok({ id, status: isActive ? 'ACTIVATED' : 'DEACTIVATED' })
    },
  )

  app.put(
    `${base}/registrationcenters/decommission/:regCenterId`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Decommission a center (refused while users, machines or devices are mapped)',
        params: z.object({ regCenterId: z.string().min(1).max(64) }),
        response: { 200: envelopeOf(statusSchema) },
      },
    },
    async (request) => {
      const id = request.params.regCenterId
      await master.lifecycle.decommission(actorOf(request), 'center', id)
      return ok({ id, status: 'DECOMMISSIONED' })
    },
  )

  app.get(
    `${base}/registrationcenters/all`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'Page through the centers in your zones',
        querystring: pageQuery.extend({
          langCode: langCode.default('eng'),
          zoneCode: code.optional(),
          locationCode: code.optional(),
          name: z.string().max(128).optional(),
        }),
        response: { 200: envelopeOf(pageOf(centerSchema)) },
      },
    },
    async (request) => {
      const page = await master.centers.list(actorOf(request), request.query)
      return ok(presentPage(page, request.query, presentCenter))
    },
  )

  app.get(
    `${base}/registrationcenters/:id/:langCode`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'A registration center in one language',
        params: z.object({ id: centerId, langCode }),
        response: { 200: envelopeOf(centerSchema) },
      },
    },
    async (request) => {
      const center = await master.centers.get(request.params.id, request.params.langCode)
      await assertReadable(master, request, 'center', center.id, center.zone_code)
      return ok(presentCenter(center))
    },
  )

  app.get(
    `${base}/registrationcenters/:id/open`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'Whether the center is open at an instant, on its own clock',
        params: z.object({ id: centerId }),
        querystring: z.object({ at: z.iso.datetime({ offset: true }) }),
        response: {
          200: envelopeOf(
            z.object({ open: z.boolean(), status: z.string(), localTime: z.string().optional() }),
          ),
        },
      },
    },
    async (request) => {
      const center = await master.centers.get(request.params.id)
      await assertReadable(master, request, 'center', center.id, center.zone_code)
      return ok(await master.isCenterOpenAt(center.id, new Date(request.query.at)))
    },
  )

  app.get(
    `${base}/workingdays/:registrationCenterId/:langCode`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: 'Working and non-working days of a center (101 = Sunday)',
        params: z.object({ registrationCenterId: centerId, langCode }),
        response: {
          200: envelopeOf(
            z.object({
              workingdays: z.array(z.object({ dayCode: z.string(), working: z.boolean() })),
            }),
          ),
        },
      },
    },
    async (request) => {
      const center = await master.centers.get(request.params.registrationCenterId)
      await assertReadable(master, request, 'center', center.id, center.zone_code)
      return ok({ workingdays: await master.centers.workingDays(center.id) })
    },
  )

  const holiday = z.object({
    holidayDate: z.string(),
    holidayName: z.string().nullable(),
    holidayReason: z.string().nullable(),
  })
  app.get(
    `${base}/exceptionalholidays/:registrationCenterId/:langCode`,
    {
      config: readAccess,
      schema: {
        tags,
        summary: "A center's own holidays",
        params: z.object({ registrationCenterId: centerId, langCode }),
        response: { 200: envelopeOf(z.object({ exceptionalHolidayList: z.array(holiday) })) },
      },
    },
    async (request) => {
      const center = await master.centers.get(request.params.registrationCenterId)
      await assertReadable(master, request, 'center', center.id, center.zone_code)
      const holidays = await master.centers.holidays(center.id)
      return ok({
        exceptionalHolidayList: holidays.map((h) => ({
          holidayDate: h.date,
          holidayName: h.name,
          holidayReason: h.reason,
        })),
      })
    },
  )

  app.post(
    `${base}/exceptionalholidays`,
    {
      config: writeAccess,
      schema: {
        tags,
        summary: 'Add a holiday to a center',
        body: masterRequestOf(holidaySchema),
        response: { 200: envelopeOf(statusSchema) },
      },
    },
    async (request) => {
      const { registrationCenterId, holidayDate, holidayName, holidayReason } = request.body.request
      await master.centers.addHoliday(actorOf(request), registrationCenterId, {
        date: holidayDate,
        name: holidayName,
        reason: holidayReason ?? null,
      })
      return ok({ id: registrationCenterId, status: 'HOLIDAY_ADDED' })
    },
  )
}

/** The API's MOSIP field names as the service's input. */
function centerInput<T extends Partial<CenterBody> & { isActive?: boolean }>(body: T): NewCenter {
  const { addressLine1, addressLine2, addressLine3, workingNonWorkingDays, translations, ...rest } =
    body
  const texts = (item: {
    addressLine1?: string | null
    addressLine2?: string | null
    addressLine3?: string | null
  }) => ({
    ...(item.addressLine1 !== undefined && { addrLine1: item.addressLine1 }),
    ...(item.addressLine2 !== undefined && { addrLine2: item.addressLine2 }),
    ...(item.addressLine3 !== undefined && { addrLine3: item.addressLine3 }),
  })
  const workingDays = workingDayCodes(workingNonWorkingDays)
  return {
    ...(rest as NewCenter),
    ...texts({ addressLine1, addressLine2, addressLine3 }),
    ...(workingDays && { workingDays }),
    ...(translations && {
      translations: Object.fromEntries(
        translations.map(({ langCode: lang, name, contactPerson, ...item }) => [
          lang,
          { name, contactPerson, ...texts(item) },
        ]),
      ),
    }),
  }
}
