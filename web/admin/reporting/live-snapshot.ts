import { z } from 'zod'

const count = z.number().int()

/** The live snapshot the server pushes (`src/reporting/live/live-snapshot.ts`). */
export const liveSnapshotSchema = z.object({
  at: z.string(),
  day: z.string(),
  registrationsToday: z.object({
    total: count,
    rows: z.array(z.object({ center: z.string(), process: z.string(), status: z.string(), count })),
  }),
  inFlight: z.object({
    total: count,
    byStage: z.array(z.object({ stage: z.string(), count })),
  }),
  authentications: z.object({
    success: count,
    failure: count,
    perMinute: z.array(z.object({ minute: z.string(), success: count, failure: count })),
  }),
  recent: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      center: z.string().nullable(),
      process: z.string().nullable(),
      stage: z.string().nullable(),
      status: z.string(),
    }),
  ),
})

/** What the overview shows live. */
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>

/** Counts of `rows` grouped by `key`, largest first (ties by name, so the order is stable). */
export function groupCounts<T extends { count: number }>(
  rows: readonly T[],
  key: (row: T) => string,
): { label: string; value: number }[] {
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count)
  return [...totals]
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
}
