import { z } from 'zod'
import type { ReportColumn } from '../report-columns.js'

/** The formats every report is exported in (`--format`, the API's `format`, the dashboard). */
export const exportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** `--format` / `?format=` as given by a caller. */
export const exportFormatSchema = z.enum(exportFormats)

/**
 * What was asked, printed on the document: the report, its parameters, when (UTC) and by whom.
 * The username is the only thing about the person that goes into an export.
 */
export interface ReportExportMeta {
  readonly reportId: string
  /** Parsed parameters (`date` or `from`/`to`, `center`, `thresholdHours`); undefined ones are left out. */
  readonly parameters: Readonly<Record<string, string | number | undefined>>
  readonly generatedAt: Date
  readonly generatedBy: string
}

/** A rendered export, ready to be written to a file or an HTTP response. */
export interface RenderedReport {
  readonly contentType: string
  readonly fileExtension: ExportFormat
  /** A string is UTF-8 text; binary formats (and CSV, for its BOM) are Buffers. */
  readonly body: Buffer | string
}

/** What a renderer needs of a catalog definition: its id, description and ordered columns. */
export interface ExportableReport {
  readonly id: string
  readonly description: string
  readonly columns: readonly ReportColumn[]
}

/** A report row as the renderers read it (the catalog's row schema guarantees the shape). */
export type ExportRow = Readonly<Record<string, unknown>>
