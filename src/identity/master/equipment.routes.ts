import { z } from 'zod'
import { envelopeOf, type HttpApp, ok } from '../../platform/http/index.js'
import { actorOf, assertReadable, readAccess, writeAccess } from './master-access.js'
import type { MasterDataService } from './master-data.service.js'
import {
  deviceSchema,
  machineSchema,
  pageOf,
  presentDevice,
  presentMachine,
  presentPage,
  statusSchema,
} from './master.presenters.js'
import {
  centerId,
  createDeviceSchema,
  createMachineSchema,
  deviceId,
  machineId,
  masterRequestOf,
  pageQuery,
  statusQuery,
  updateDeviceSchema,
  updateMachineSchema,
} from './master.schemas.js'

const base = '/api/v1/masterdata'

/** API names to the service's: regCenterId, validityDateTime as a Date. */
function equipmentInput<T extends { validityDateTime?: string | null | undefined }>(body: T) {
  const { validityDateTime, ...rest } = body
  return {
    ...rest,
    ...(validityDateTime !== undefined && {
      validityEndDtimes: validityDateTime ? new Date(validityDateTime) : null,
    }),
  }
}

/** Machines and devices under MOSIP's admin paths; ids are MOSIP's (mid_seq) or UUIDs. */
export function registerEquipmentRoutes(app: HttpApp, master: MasterDataService): void {
  const listQuery = pageQuery.extend({ regCenterId: centerId.optional() })

  for (const kind of ['machine', 'device'] as const) {
    const path = `${base}/${kind}s`
    const tags = [`masterdata: ${kind}s`]
    const idSchema = kind === 'machine' ? machineId : deviceId
    app.patch(
      path,
      {
        config: writeAccess,
        schema: {
          tags,
          summary: `Activate or deactivate a ${kind}`,
          querystring: statusQuery.extend({ id: idSchema }),
          response: { 200: envelopeOf(statusSchema) },
        },
      },
      async (request) => {
        const { id, isActive } = request.query
        await master.lifecycle[isActive ? 'activate' : 'deactivate'](actorOf(request), kind, id)
        return ok({ id, status: isActive ? 'ACTIVATED' : 'DEACTIVATED' })
      },
    )
    app.put(
      `${path}/decommission/:id`,
      {
        config: writeAccess,
        schema: {
          tags,
          summary: `Decommission a ${kind} (soft delete)`,
          params: z.object({ id: idSchema }),
          response: { 200: envelopeOf(statusSchema) },
        },
      },
      async (request) => {
        await master.lifecycle.decommission(actorOf(request), kind, request.params.id)
        return ok({ id: request.params.id, status: 'DECOMMISSIONED' })
      },
    )
  }

  const machineTags = ['masterdata: machines']
  app.post(
    `${base}/machines`,
    {
      config: writeAccess,
      schema: {
        tags: machineTags,
        summary: 'Register a machine (id from mid_seq)',
        body: masterRequestOf(createMachineSchema),
        response: { 200: envelopeOf(machineSchema) },
      },
    },
    async (request) =>
      ok(
        presentMachine(
          await master.equipment.createMachine(
            actorOf(request),
            equipmentInput(request.body.request),
          ),
        ),
      ),
  )

  app.put(
    `${base}/machines`,
    {
      config: writeAccess,
      schema: {
        tags: machineTags,
        summary: 'Update a machine; writes machine_master_h',
        body: masterRequestOf(updateMachineSchema),
        response: { 200: envelopeOf(machineSchema) },
      },
    },
    async (request) => {
      const { id, ...changes } = request.body.request
      return ok(
        presentMachine(
          await master.equipment.updateMachine(actorOf(request), id, equipmentInput(changes)),
        ),
      )
    },
  )

  app.get(
    `${base}/machines`,
    {
      config: readAccess,
      schema: {
        tags: machineTags,
        summary: 'Page through the machines in your zones',
        querystring: listQuery,
        response: { 200: envelopeOf(pageOf(machineSchema)) },
      },
    },
    async (request) => {
      const { regCenterId, ...filter } = request.query
      const page = await master.equipment.listMachines(actorOf(request), {
        ...filter,
        ...(regCenterId && { centerId: regCenterId }),
      })
      return ok(presentPage(page, filter, presentMachine))
    },
  )

  app.get(
    `${base}/machines/:id`,
    {
      config: readAccess,
      schema: {
        tags: machineTags,
        summary: 'A machine',
        params: z.object({ id: machineId }),
        response: { 200: envelopeOf(machineSchema) },
      },
    },
    async (request) => {
      const machine = await master.equipment.getMachine(request.params.id)
      await assertReadable(master, request, 'machine', machine.id, machine.zone_code)
      return ok(presentMachine(machine))
    },
  )

  const deviceTags = ['masterdata: devices']
  app.post(
    `${base}/devices`,
    {
      config: writeAccess,
      schema: {
        tags: deviceTags,
        summary: 'Register a device',
        body: masterRequestOf(createDeviceSchema),
        response: { 200: envelopeOf(deviceSchema) },
      },
    },
    async (request) =>
      ok(
        presentDevice(
          await master.equipment.createDevice(
            actorOf(request),
            equipmentInput(request.body.request),
          ),
        ),
      ),
  )

  app.put(
    `${base}/devices`,
    {
      config: writeAccess,
      schema: {
        tags: deviceTags,
        summary: 'Update a device; writes device_master_h',
        body: masterRequestOf(updateDeviceSchema),
        response: { 200: envelopeOf(deviceSchema) },
      },
    },
    async (request) => {
      const { id, ...changes } = request.body.request
      return ok(
        presentDevice(
          await master.equipment.updateDevice(actorOf(request), id, equipmentInput(changes)),
        ),
      )
    },
  )

  app.get(
    `${base}/devices`,
    {
      config: readAccess,
      schema: {
        tags: deviceTags,
        summary: 'Page through the devices in your zones',
        querystring: listQuery,
        response: { 200: envelopeOf(pageOf(deviceSchema)) },
      },
    },
    async (request) => {
      const { regCenterId, ...filter } = request.query
      const page = await master.equipment.listDevices(actorOf(request), {
        ...filter,
        ...(regCenterId && { centerId: regCenterId }),
      })
      return ok(presentPage(page, filter, presentDevice))
    },
  )

  app.get(
    `${base}/devices/:id`,
    {
      config: readAccess,
      schema: {
        tags: deviceTags,
        summary: 'A device',
        params: z.object({ id: deviceId }),
        response: { 200: envelopeOf(deviceSchema) },
      },
    },
    async (request) => {
      const device = await master.equipment.getDevice(request.params.id)
      await assertReadable(master, request, 'device', device.id, device.zone_code)
      return ok(presentDevice(device))
    },
  )
}
