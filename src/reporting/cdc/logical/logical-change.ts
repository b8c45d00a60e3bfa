import pg from 'pg'
import { typeParsers } from '../../../platform/db/type-parsers.js'
import type { CapturedTable } from '../captured-table.js'
import { cdcErrors } from '../cdc-errors.js'
import type { CdcChange } from '../watermark-connector.js'
import { logicalErrors } from './logical-errors.js'
import type { RelationColumn, TupleValue } from './pgoutput-messages.js'

/** A published relation matched to its captured table: where each captured column sits. */
export interface CapturedRelation {
  readonly table: CapturedTable
  /** Position in the tuple and type OID of each captured column, in `table.columns` order. */
  readonly columns: readonly { readonly name: string; readonly at: number; readonly oid: number }[]
}

/** Matches a Relation message to its captured table; columns not captured are never decoded. */
export function captureRelation(
  table: CapturedTable,
  columns: readonly RelationColumn[],
): CapturedRelation {
  return {
    table,
    columns: table.columns.map((name) => {
      const at = columns.findIndex((c) => c.name === name)
      const column = columns[at]
      if (!column) throw logicalErrors.unknownColumn(table.name, name)
      return { name, at, oid: column.typeOid }
    }),
  }
}

/**
 * The same JavaScript value the watermark connector's pool returns for this text: our
 * platform's parsers (timestamps as UTC Dates, safe int8, numeric as text), else node-postgres'.
 */
export function decodeValue(text: string, oid: number): unknown {
  const parse = typeParsers[oid] ?? pg.types.getTypeParser(oid, 'text')
  return parse(text)
}

const timestampText =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:\+00(?::?00)?|Z)?$/

/** A timestamp's text (ISO style, UTC) in the change-time format, microseconds kept. */
export function changeTimeOf(text: string): string {
  const match = timestampText.exec(text)
  if (!match) throw logicalErrors.protocol('a change-time column is not a UTC timestamp')
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(6, '0')}`
}

/** Microseconds since the Unix epoch in the change-time format. */
export function changeTimeOfMicros(micros: bigint): string {
  const iso = new Date(Number(micros / 1000n)).toISOString()
  return `${iso.slice(0, 19)}.${String(micros % 1_000_000n).padStart(6, '0')}`
}

/** A change as decoded from the stream; `unchanged` names columns TOAST left out. */
export interface DecodedChange {
  readonly change: CdcChange
  readonly unchanged: readonly string[]
}

/**
 * A row version from an insert or update: the captured columns only, its change time
 * (coalesce of the table's change-time columns, or the commit time if all are null) and
 * the watermark connector's key, `table:["pk",…]@change_time`.
 */
export function rowChange(
  relation: CapturedRelation,
  tuple: readonly TupleValue[],
  commitTime: string,
): DecodedChange {
  const { table } = relation
  const row: Record<string, unknown> = {}
  const texts = new Map<string, string>()
  const unchanged: string[] = []
  for (const column of relation.columns) {
    const value = tuple[column.at]
    if (value?.kind === 'text') {
      row[column.name] = decodeValue(value.text, column.oid)
      texts.set(column.name, value.text)
    } else if (value?.kind === 'unchanged') {
      row[column.name] = null
      unchanged.push(column.name)
    } else row[column.name] = null
  }
  const timeText = table.changeTime.map((c) => texts.get(c)).find((t) => t !== undefined)
  const changeTime = timeText === undefined ? commitTime : changeTimeOf(timeText)
  return {
    change: makeChange(table, row, changeTime, table.softDelete && row['is_deleted'] === true),
    unchanged,
  }
}

/**
 * A hard delete: the stream carries only the key (replica identity DEFAULT), so the row holds
 * the primary key columns and the change time is the transaction's commit time.
 */
export function deleteChange(
  relation: CapturedRelation,
  oldKey: readonly TupleValue[],
  commitTime: string,
): CdcChange {
  const row: Record<string, unknown> = {}
  for (const name of relation.table.primaryKey) {
    const column = relation.columns.find((c) => c.name === name)
    const value = column === undefined ? undefined : oldKey[column.at]
    row[name] = value?.kind === 'text' && column ? decodeValue(value.text, column.oid) : null
  }
  return makeChange(relation.table, row, commitTime, true)
}

/** Builds the change with the watermark connector's exact key format. */
export function makeChange(
  table: CapturedTable,
  row: Readonly<Record<string, unknown>>,
  changeTime: string,
  deleted: boolean,
): CdcChange {
  const primaryKey = table.primaryKey.map((column) => {
    const value = row[column]
    if (typeof value === 'string' || typeof value === 'number') return value
    throw cdcErrors.unsupportedKey(table.name, column)
  })
  const rowKey = JSON.stringify(primaryKey.map(String))
  return {
    table: table.name,
    key: `${table.name}:${rowKey}@${changeTime}`,
    primaryKey,
    changeTime,
    deleted,
    row,
  }
}
