import { z } from 'zod'
import { access, envelopeOf, type HttpApp, ok } from '../../platform/http/index.js'
import type { FastifyRequest } from 'fastify'
import { createScheduleSchema, updateScheduleSchema } from './report-schedule.schema.js'
import type { ReportScheduleService, ScheduleActor } from './report-schedule.service.js'
import { presentSchedule, scheduleViewSchema } from './schedule.presenters.js'

const tags = ['reporting']
const idParams = z.object({ id: z.uuid() })
const base = '/api/v1/reports/schedules'

function actorOf(request: FastifyRequest): ScheduleActor {
  const principal = request.principal
  // The access guard admits only staff here; the fallback keeps the type honest.
  return principal?.kind === 'staff'
    ? { userId: principal.userId, roles: principal.roles }
    : { userId: 'unknown', roles: [] }
}

const isAdmin = (request: FastifyRequest) => actorOf(request).roles.includes('ADMIN')

/**
 * Report schedules for administrators and operations staff. Administrators see recipients in
 * full; operations staff see them masked (and replace the whole list when they change it).
 */
export function registerScheduleRoutes(app: HttpApp, service: ReportScheduleService): void {
  const config = { access: access.staff('ADMIN', 'OPERATIONS') }

  app.get(
    base,
    {
      config,
      schema: {
        tags,
        summary: 'Report schedules, oldest first',
        response: { 200: envelopeOf(z.array(scheduleViewSchema)) },
      },
    },
    async (request) => ok((await service.list()).map((s) => presentSchedule(s, isAdmin(request)))),
  )

  app.post(
    base,
    {
      config,
      schema: {
        tags,
        summary: 'Create a schedule: a report emailed as CSV or PDF on a UTC cron',
        body: createScheduleSchema,
        response: { 200: envelopeOf(scheduleViewSchema) },
      },
    },
    async (request) =>
      ok(presentSchedule(await service.create(request.body, actorOf(request)), isAdmin(request))),
  )

  app.put(
    `${base}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a schedule (any subset of its fields)',
        params: idParams,
        body: updateScheduleSchema,
        response: { 200: envelopeOf(scheduleViewSchema) },
      },
    },
    async (request) =>
      ok(
        presentSchedule(
          await service.update(request.params.id, request.body, actorOf(request)),
          isAdmin(request),
        ),
      ),
  )

  app.delete(
    `${base}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete a schedule',
        params: idParams,
        response: { 200: envelopeOf(z.object({ removed: z.boolean() })) },
      },
    },
    async (request) => {
      await service.remove(request.params.id)
      return ok({ removed: true })
    },
  )

  app.post(
    `${base}/:id/run`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a schedule now, for the window as of now; its next run is unchanged',
        params: idParams,
        response: {
          200: envelopeOf(
            z.object({
              status: z.enum(['sent', 'queued', 'held', 'failed']),
              error: z.string().nullable(),
              messageId: z.string().nullable(),
              rowCount: z.number().int().nullable(),
              schedule: scheduleViewSchema,
            }),
          ),
        },
      },
    },
    async (request) => {
      const { schedule, outcome } = await service.runNow(request.params.id)
      return ok({ ...outcome, schedule: presentSchedule(schedule, isAdmin(request)) })
    },
  )
}
