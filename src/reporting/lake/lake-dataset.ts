import { z } from 'zod'
import { lakeErrors } from './lake-errors.js'

/**
 * Column types a lake dataset may use: the ones Parquet, DuckDB, Trino and Spark all map
 * without surprises. TIMESTAMP holds a UTC instant (Parquet TIMESTAMP(MICROS) with no zone).
 */
export const lakeColumnTypes = [
  'VARCHAR',
  'BOOLEAN',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DATE',
  'TIMESTAMP',
] as const

/** A DuckDB type of a lake column. */
export type LakeColumnType = (typeof lakeColumnTypes)[number]

/** One column of a dataset; `dt` is never one, it is the partition. */
export interface LakeColumn {
  readonly name: string
  readonly type: LakeColumnType
  readonly nullable: boolean
}

/** A dataset: a directory of `dt=YYYY-MM-DD` partitions of Parquet files with these columns. */
export interface LakeDataset {
  readonly name: string
  readonly columns: readonly LakeColumn[]
}

/** A row to append: the dataset's columns plus `dt` (its UTC date, `YYYY-MM-DD`). */
export type LakeRow = Readonly<Record<string, unknown>>

/** The partition column every dataset has, a UTC date. */
export const partitionColumn = 'dt'

const identifier = /^[a-z][a-z0-9_]{0,62}$/

/** Checks a dataset definition once, where it is declared. */
export function defineLakeDataset(spec: LakeDataset): LakeDataset {
  if (!identifier.test(spec.name)) {
    throw lakeErrors.invalidDataset(`name "${spec.name}" must match ${identifier.source}`)
  }
  if (spec.columns.length === 0) throw lakeErrors.invalidDataset(`${spec.name} has no columns`)
  const seen = new Set<string>()
  for (const column of spec.columns) {
    if (!identifier.test(column.name)) {
      throw lakeErrors.invalidDataset(`${spec.name}.${column.name} must match ${identifier.source}`)
    }
    if (column.name === partitionColumn) {
      throw lakeErrors.invalidDataset(`${spec.name} declares ${partitionColumn}, the partition`)
    }
    if (seen.has(column.name)) throw lakeErrors.invalidDataset(`${spec.name}.${column.name} twice`)
    if (!lakeColumnTypes.includes(column.type)) {
      throw lakeErrors.invalidDataset(`${spec.name}.${column.name} has type ${column.type}`)
    }
    seen.add(column.name)
  }
  return { name: spec.name, columns: spec.columns.map((c) => ({ ...c })) }
}

/** A real calendar date as `YYYY-MM-DD`. */
export const lakeDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date')

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n }

const valueSchemas: Record<LakeColumnType, z.ZodType> = {
  VARCHAR: z.string(),
  BOOLEAN: z.boolean(),
  SMALLINT: z.number().int().min(-32768).max(32767),
  INTEGER: z
    .number()
    .int()
    .min(-(2 ** 31))
    .max(2 ** 31 - 1),
  BIGINT: z.union([
    z.bigint().min(int64.min).max(int64.max),
    z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  ]),
  DOUBLE: z.number(),
  DATE: lakeDate,
  TIMESTAMP: z.union([
    z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid Date'),
    z.iso.datetime(),
  ]),
}

/** The zod schema of one row of `dataset`: its columns (nullable ones may be absent) and dt. */
export function lakeRowSchema(dataset: LakeDataset): z.ZodType<LakeRow> {
  const shape: Record<string, z.ZodType> = { [partitionColumn]: lakeDate }
  for (const column of dataset.columns) {
    const value = valueSchemas[column.type]
    shape[column.name] = column.nullable ? value.nullish() : value
  }
  return z.strictObject(shape)
}

/**
 * Validates a whole batch before anything is written. The message lists at most five
 * problems by row index and column, never a value (zod's messages carry types, not inputs).
 */
export function validateLakeRows(dataset: LakeDataset, rows: readonly unknown[]): LakeRow[] {
  const schema = lakeRowSchema(dataset)
  const problems: string[] = []
  const valid: LakeRow[] = []
  for (let i = 0; i < rows.length && problems.length < 5; i++) {
    const result = schema.safeParse(rows[i])
    if (result.success) {
      valid.push(result.data)
      continue
    }
    for (const issue of result.error.issues.slice(0, 5 - problems.length)) {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'row'
      problems.push(`row ${i} ${where}: ${issue.message}`)
    }
  }
  if (problems.length > 0) throw lakeErrors.invalidRows(dataset.name, problems.join('; '))
  return valid
}
