import { z } from 'zod'
import type { ApiClient } from '../../shared/api.js'

const catalogEntrySchema = z.object({
  id: z.string(),
  description: z.string(),
  access: z.string(),
  parameters: z.array(z.object({ name: z.string(), required: z.boolean() })),
  columns: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
  order: z.string(),
})

/** One report the signed-in user may run, as `GET /api/v1/reports` lists it. */
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

const extentSchema = z.object({
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  asOf: z.string().nullable(),
})

/** The UTC days the reporting data spans. */
export type Extent = z.infer<typeof extentSchema>

const centerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  zone: z.string().nullable(),
})

/** A registration center the user may filter by. */
export type Center = z.infer<typeof centerSchema>

/** A report cell: the API sends strings, numbers and nulls. */
export type Cell = string | number | boolean | null

/** One row of a report, keyed by the catalog's column names. */
export type ReportRow = Record<string, Cell>

const rowsSchema = z.array(
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
)

/** Report parameters as query values (`date` or `from`/`to`, `center`, `thresholdHours`). */
export type ReportParams = Partial<
  Record<'date' | 'from' | 'to' | 'center' | 'thresholdHours', string>
>

/** The export formats the server writes. */
export const exportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const

/** One of `exportFormats`. */
export type ExportFormat = (typeof exportFormats)[number]

function query(params: ReportParams, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...params, ...extra } as Record<string, string>)
  return search.toString()
}

/** The reporting calls of the admin console, bound to an API client. */
export function createReportingApi(api: ApiClient) {
  return {
    catalog: () =>
      api.request('/api/v1/reports', {
        parse: (value) => z.array(catalogEntrySchema).parse(value),
      }),
    extent: () => api.request('/api/v1/reporting/extent', { parse: extentSchema.parse }),
    centers: () => api.request('/api/v1/reporting/centers', { parse: z.array(centerSchema).parse }),
    run: (id: string, params: ReportParams) =>
      api.request(`/api/v1/reports/${encodeURIComponent(id)}?${query(params)}`, {
        parse: rowsSchema.parse,
      }),
    /** Fetches an export with the Bearer token and hands it to the browser as a download. */
    async download(id: string, params: ReportParams, format: ExportFormat): Promise<string> {
      const response = await api.fetchRaw(
        `/api/v1/reports/${encodeURIComponent(id)}/export?${query(params, { format })}`,
        // Large PDFs take a while to render, but not forever.
        { accept: '*/*', signal: AbortSignal.timeout(120_000) },
      )
      const disposition = response.headers.get('content-disposition') ?? ''
      const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${id}.${format}`
      const url = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      document.body.append(link)
      link.click()
      link.remove()
      // The browser has taken its copy once the click is handled; free the memory soon after.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return fileName
    },
  }
}

/** The reporting calls, as `createReportingApi` returns them. */
export type ReportingApi = ReturnType<typeof createReportingApi>
