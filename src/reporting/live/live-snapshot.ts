import { z } from 'zod'
import { scopeIncludes } from '../report-scope.js'
import type { ReportScope } from '../reports/lake-report.js'

/** Which centers a viewer may see: the reports' scope (staff see only their zones' centers). */
export type LiveScope = ReportScope

/** Everything, for operators and staff of the root zone. */
export const allCenters: LiveScope = { centers: 'all' }

/** Registration statuses after which a workflow is no longer in flight. */
export const finalStatuses: ReadonlySet<string> = new Set([
  'PROCESSED',
  'REJECTED',
  'FAILED',
  'REPROCESS_FAILED',
])

/** The stage of a registration received but not yet through its first stage. */
export const notStartedStage = 'NOT_STARTED'

const recentActivitySchema = z.object({
  at: z.string(),
  kind: z.enum(['stage', 'completed', 'authentication']),
  center: z.string().nullable(),
  process: z.string().nullable(),
  stage: z.string().nullable(),
  status: z.string(),
})

/** One recent event, as codes only: no RID, no person, no partner. */
export type RecentActivity = z.infer<typeof recentActivitySchema>

/** What a dashboard shows live; every count is restricted to the viewer's centers. */
export const liveSnapshotSchema = z.object({
  /** When the snapshot was taken (ISO-8601 UTC). */
  at: z.string(),
  /** The UTC day "today" refers to (YYYY-MM-DD). */
  day: z.string(),
  registrationsToday: z.object({
    total: z.number().int(),
    /** Registrations whose packet was created today, by center, process and current status. */
    rows: z.array(
      z.object({
        center: z.string(),
        process: z.string(),
        status: z.string(),
        count: z.number().int(),
      }),
    ),
  }),
  inFlight: z.object({
    total: z.number().int(),
    /** Registrations not in a final status, by current stage. */
    byStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  }),
  /** Authentication attempts per minute over the last hour (not per center: shown to all). */
  authentications: z.object({
    success: z.number().int(),
    failure: z.number().int(),
    perMinute: z.array(
      z.object({ minute: z.string(), success: z.number().int(), failure: z.number().int() }),
    ),
  }),
  /** The latest events, newest first. */
  recent: z.array(recentActivitySchema),
})

/** A live view of today, as pushed over Server-Sent Events. */
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>

/** Whether `center` is inside the scope; events with no center (authentications) are for all. */
export function inScope(scope: LiveScope, center: string | null): boolean {
  return center === null || scopeIncludes(scope, center)
}

/** The UTC day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}
