import type { ZoneHierarchy } from '../platform/auth/index.js'
import type { ExportFormat, RenderedReport } from './export/export-format.js'
import { renderReport } from './export/render-report.js'
import {
  reportCatalog,
  reportIds,
  type ReportDefinition,
  type ReportId,
  type ReportParamsInput,
} from './report-catalog.js'
import { reportErrors } from './report-errors.js'
import { callerName, type ReportCaller, scopeIncludes, scopeOf } from './report-scope.js'
import type { ReportingRuntime } from './reporting-runtime.js'
import { lakeCenters, lakeExtent, type LakeCenter, type LakeExtent } from './reports/lake-extent.js'
import { centerZones, lakeReport, type ReportScope } from './reports/lake-report.js'
import { describeIssues } from '../platform/errors.js'

/** A report computed for a caller. */
export interface ReportResult {
  readonly definition: ReportDefinition
  /** The parameters after validation and defaults. */
  readonly params: Readonly<Record<string, string | number | undefined>>
  readonly rows: readonly Readonly<Record<string, unknown>>[]
  /** The source time every row reflects (the lake's CDC position), null before a first capture. */
  readonly asOf: string | null
}

/** A rendered report and the file name to offer for it. */
export interface ReportExport extends RenderedReport {
  readonly fileName: string
}

/**
 * Runs the catalog's reports over the lake for a caller: validates the parameters, applies the
 * caller's zone scope (staff see only their zones' centers) and the report's own access rule.
 */
export class ReportService {
  constructor(
    private readonly runtime: ReportingRuntime,
    private readonly zones: () => ZoneHierarchy,
  ) {}

  /** The reports the caller may run, in catalog order. */
  list(caller: ReportCaller): readonly ReportDefinition[] {
    return reportIds.map((id) => reportCatalog[id]).filter((d) => mayRun(d, caller))
  }

  async run(id: string, raw: Readonly<Record<string, unknown>>, caller: ReportCaller) {
    const { definition, params } = parseReportRequest(id, raw)
    if (!mayRun(definition, caller)) throw reportErrors.administratorsOnly(definition.id)
    const scope = await this.scope(caller)
    const center = params['center']
    if (typeof center === 'string' && !scopeIncludes(scope, center)) {
      throw reportErrors.centerOutsideZones(center)
    }
    const reportId = definition.id as ReportId
    const rows = await lakeReport(
      this.runtime.reader,
      reportId,
      params as ReportParamsInput<typeof reportId>,
      scope,
    )
    return { definition, params, rows, asOf: lakePosition(this.runtime) } satisfies ReportResult
  }

  /** The days the data spans, and how current the lake is. */
  async extent(): Promise<LakeExtent & { asOf: string | null }> {
    return { ...(await lakeExtent(this.runtime.reader)), asOf: lakePosition(this.runtime) }
  }

  /** The centers the caller may see (their zones' centers; every center for the root zone). */
  async scope(caller: ReportCaller): Promise<ReportScope> {
    return scopeOf(caller, await centerZones(this.runtime.reader), this.zones())
  }

  /** The centers the caller may see, for the dashboards' filters. */
  async centers(caller: ReportCaller): Promise<LakeCenter[]> {
    const scope = await this.scope(caller)
    return (await lakeCenters(this.runtime.reader)).filter((c) => scopeIncludes(scope, c.id))
  }

  /** Runs a report and renders it in `format`, stamped with the caller and the time. */
  async export(
    id: string,
    raw: Readonly<Record<string, unknown>>,
    caller: ReportCaller,
    format: ExportFormat,
    now = new Date(),
  ): Promise<ReportExport> {
    const result = await this.run(id, raw, caller)
    const rendered = await renderReport(format, result.definition, result.rows, {
      reportId: result.definition.id,
      parameters: result.params,
      generatedAt: now,
      generatedBy: callerName(caller),
    })
    return { ...rendered, fileName: fileNameOf(result, rendered.fileExtension) }
  }
}

/** Checks a report id and its parameters (before any work): the definition and parsed params. */
export function parseReportRequest(
  id: string,
  raw: Readonly<Record<string, unknown>>,
): { definition: ReportDefinition; params: Readonly<Record<string, string | number | undefined>> } {
  if (!Object.hasOwn(reportCatalog, id)) throw reportErrors.unknownReport(id)
  const definition: ReportDefinition = reportCatalog[id as ReportId]
  const parsed = definition.params.safeParse(raw)
  if (!parsed.success) {
    throw reportErrors.invalidParams(definition.id, describeIssues(parsed.error, 'parameters'))
  }
  return { definition, params: parsed.data as Record<string, string | number | undefined> }
}

function mayRun(definition: ReportDefinition, caller: ReportCaller): boolean {
  if (definition.access === 'staff' || caller.kind === 'operator') return true
  return caller.principal.roles.includes('ADMIN')
}

/** The oldest point every captured table has reached: what the lake reflects. */
function lakePosition(runtime: ReportingRuntime): string | null {
  const positions = runtime.progress().map((p) => p.caughtUpTo)
  if (positions.length === 0 || positions.some((p) => p === null)) return null
  return (positions as string[]).toSorted()[0] ?? null
}

/** `registrations-per-day_2026-01-01_2026-01-31_10001.csv`: safe for any file system. */
function fileNameOf(result: ReportResult, extension: string): string {
  const { date, from, to, center } = result.params
  const parts = [result.definition.id, date, from, to, center].filter((p) => p !== undefined)
  return `${parts.join('_')}.${extension}`
}
