import { z } from 'zod'
import type { Db } from '../../../platform/db/index.js'
import { type CapturedTable, capturedTableSchema, neverCapturedColumns } from '../captured-table.js'
import { cdcErrors } from '../cdc-errors.js'
import type { CdcSink } from '../watermark-connector.js'

/** Tunables of `LogicalConnector.open`, validated with zod. */
export const logicalSettingsSchema = z.object({
  /** Most changes per batch handed to the sink. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
  /** Pause of the background loop between catch-ups. */
  pollIntervalMs: z.number().int().min(1).max(3_600_000).default(1000),
  /** Standby status updates while connected (the server drops silent clients). */
  statusIntervalMs: z.number().int().min(100).max(600_000).default(10_000),
  /** Copy the rows that exist when the slot is created (else only later changes arrive). */
  initialSnapshot: z.boolean().default(true),
})

/** Validated settings. */
export type LogicalSettings = z.output<typeof logicalSettingsSchema>

/** Options of `LogicalConnector.open`. */
export interface LogicalConnectorOptions extends z.input<typeof logicalSettingsSchema> {
  /** A connection string: replication needs its own connection, not a pool's handle. */
  readonly source: { readonly name: string; readonly url: string }
  /** Holds `reporting.cdc_replication_checkpoint`; may be another database than the source. */
  readonly checkpointDb: Db
  readonly tables: readonly CapturedTable[]
  readonly sink: CdcSink
  /** Errors of the background loop (`start`); the loop retries after them. */
  readonly onError?: (error: unknown) => void
  /** One line per notable event (slot created, snapshot taken); never row data. */
  readonly log?: (line: string) => void
  readonly now?: () => Date
}

/**
 * Validates the tables (no personal column, none twice) and the source name, with the same
 * rules and errors as the watermark connector.
 */
export function validateCapture(
  sourceName: string,
  tables: readonly CapturedTable[],
): CapturedTable[] {
  const parsed = tables.map((table) => {
    const result = capturedTableSchema.safeParse(table)
    if (!result.success) throw cdcErrors.invalidOptions(`${table.name}: ${result.error.message}`)
    for (const column of neverCapturedColumns[table.name] ?? []) {
      if (result.data.columns.includes(column)) throw cdcErrors.personalColumn(table.name, column)
    }
    return result.data
  })
  if (new Set(parsed.map((t) => t.name)).size !== parsed.length) {
    throw cdcErrors.invalidOptions('a table is listed twice')
  }
  if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(sourceName)) {
    throw cdcErrors.invalidOptions('source name: 1-128 letters, digits, _ . : -')
  }
  return parsed
}
