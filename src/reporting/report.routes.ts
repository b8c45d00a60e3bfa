import { z } from 'zod'
import { staff } from '../platform/auth/index.js'
import { access, envelopeOf, ok, type HttpApp } from '../platform/http/index.js'
import { exportFormatSchema } from './export/export-format.js'
import type { ReportDefinition } from './report-catalog.js'
import type { ReportCaller } from './report-scope.js'
import type { ReportService } from './report-service.js'

const base = '/api/v1/reports'
const tags = ['reporting']
/** Any staff member: the zone scope and each report's own rule narrow what they see. */
const anyStaff = { access: access.staff() }

const reportParams = z.object({ id: z.string().min(1).max(64) })
/** Report parameters as query strings; the report's own schema checks them. */
const reportQuery = z.strictObject({
  date: z.string().max(10).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  center: z.string().max(16).optional(),
  thresholdHours: z.string().max(4).optional(),
})

const catalogEntry = z.object({
  id: z.string(),
  description: z.string(),
  access: z.enum(['staff', 'administrators']),
  parameters: z.array(z.object({ name: z.string(), required: z.boolean() })),
  columns: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
  order: z.string(),
})

function present(definition: ReportDefinition): z.infer<typeof catalogEntry> {
  const shape = 'shape' in definition.params ? (definition.params.shape as object) : {}
  return {
    id: definition.id,
    description: definition.description,
    access: definition.access,
    parameters: Object.entries(shape).map(([name, schema]) => ({
      name,
      required: !(schema as z.ZodType).safeParse(undefined).success,
    })),
    columns: definition.columns.map((c) => ({ ...c })),
    order: definition.order,
  }
}

/** Query values that were given, as the report's parameters (thresholdHours is coerced there). */
function paramsOf(query: z.infer<typeof reportQuery>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >
}

/**
 * The reports API: the catalog, a report as JSON rows, and its export as a file. Staff see only
 * their zones' centers; failed-packets is for administrators.
 */
export function registerReportRoutes(app: HttpApp, service: ReportService): void {
  const callerOf = (request: Parameters<typeof staff>[0]): ReportCaller => ({
    kind: 'staff',
    principal: staff(request),
  })

  app.get(
    base,
    {
      config: anyStaff,
      schema: {
        tags,
        summary: 'The reports you may run',
        response: { 200: envelopeOf(z.array(catalogEntry)) },
      },
    },
    async (request) => ok(service.list(callerOf(request)).map(present)),
  )

  app.get(
    '/api/v1/reporting/extent',
    {
      config: anyStaff,
      schema: {
        tags,
        summary: 'The UTC days the data spans, and the source time the lake reflects',
        response: {
          200: envelopeOf(
            z.object({
              firstDay: z.string().nullable(),
              lastDay: z.string().nullable(),
              asOf: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async () => ok(await service.extent()),
  )

  app.get(
    '/api/v1/reporting/centers',
    {
      config: anyStaff,
      schema: {
        tags,
        summary: 'The registration centers you may see, for report filters',
        response: {
          200: envelopeOf(
            z.array(
              z.object({
                id: z.string(),
                name: z.string().nullable(),
                zone: z.string().nullable(),
              }),
            ),
          ),
        },
      },
    },
    async (request) => ok(await service.centers(callerOf(request))),
  )

  app.get(
    `${base}/:id`,
    {
      config: anyStaff,
      schema: {
        tags,
        summary: 'Run a report: rows as JSON (dates are UTC days)',
        params: reportParams,
        querystring: reportQuery,
        response: { 200: envelopeOf(z.array(z.record(z.string(), z.unknown()))) },
      },
    },
    async (request) => {
      const result = await service.run(
        request.params.id,
        paramsOf(request.query),
        callerOf(request),
      )
      return ok(result.rows, request.params.id, {
        parameters: result.params,
        asOf: result.asOf,
      })
    },
  )

  app.get(
    `${base}/:id/export`,
    {
      config: anyStaff,
      schema: {
        tags,
        summary: 'Export a report as a file: json, csv, xlsx or pdf',
        params: reportParams,
        querystring: reportQuery.extend({ format: exportFormatSchema.default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query
      const file = await service.export(
        request.params.id,
        paramsOf(query),
        callerOf(request),
        format,
      )
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body)
    },
  )
}
