import { z } from 'zod'
import { isoDateSchema } from './report-params.js'

/**
 * Column types of report rows, as they appear in JSON (CSV and XLSX write the same values):
 * `date` 'YYYY-MM-DD' (a UTC day), `timestamp` ISO-8601 UTC with milliseconds and `Z`,
 * `integer` a non-negative count or duration, `text` a code, id or comment.
 */
export const columnTypes = {
  date: isoDateSchema,
  timestamp: z.iso.datetime({ precision: 3 }),
  integer: z.number().int().nonnegative(),
  text: z.string(),
} as const
export type ColumnType = keyof typeof columnTypes

export interface ReportColumn<
  N extends string = string,
  T extends ColumnType = ColumnType,
  Nullable extends boolean = boolean,
> {
  readonly name: N
  readonly type: T
  /** Whether the value may be null (e.g. a center with no name in master data). */
  readonly nullable: Nullable
  readonly description: string
}

type ValueOf<C extends ReportColumn> =
  C extends ReportColumn<string, infer T, infer Nullable>
    ? z.output<(typeof columnTypes)[T]> | (Nullable extends true ? null : never)
    : never

/** The row object of a list of columns: one property per column. */
export type RowOf<Cs extends readonly ReportColumn[]> = {
  [C in Cs[number] as C['name']]: ValueOf<C>
}

/** A column whose value is never null. */
export function column<N extends string, T extends ColumnType>(
  name: N,
  type: T,
  description: string,
): ReportColumn<N, T, false> {
  return { name, type, description, nullable: false }
}

/** A column whose value may be null. */
export function nullableColumn<N extends string, T extends ColumnType>(
  name: N,
  type: T,
  description: string,
): ReportColumn<N, T, true> {
  return { name, type, description, nullable: true }
}

/** The zod schema of a row: exactly the columns, each of its type. */
export function rowSchemaOf<const Cs extends readonly ReportColumn[]>(
  columns: Cs,
): z.ZodType<RowOf<Cs>> {
  const shape: Record<string, z.ZodType> = {}
  for (const c of columns) {
    const base: z.ZodType = columnTypes[c.type]
    shape[c.name] = c.nullable ? base.nullable() : base
  }
  return z.strictObject(shape) as unknown as z.ZodType<RowOf<Cs>>
}
