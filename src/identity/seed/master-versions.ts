import type { CopyValue } from '../../platform/db/index.js'
import { created, type SeedSink } from './seed-sink.js'

/** The master records MOSIP versions in an `_h` history table, with the seed's table names. */
const historyOf = {
  center: 'centerHistory',
  machine: 'machineHistory',
  device: 'deviceHistory',
  user: 'userHistory',
} as const

/** A later version of a record: its values (before the audit columns) from `at` on. */
export interface RecordChange {
  readonly at: Date
  readonly values: readonly CopyValue[]
  /** Decommissioned (MOSIP's soft delete) rather than merely changed. */
  readonly deleted: boolean
}

/**
 * Writes a versioned master record as MOSIP's admin services leave it: the record's latest
 * state, and one history row per version, each in effect from its own instant (creation at
 * cr_dtimes, the change at upd_dtimes). Why: registration processing asks the history whether
 * a center, machine, device or officer was active when a packet was created.
 */
export function addVersioned(
  sink: SeedSink,
  kind: keyof typeof historyOf,
  by: string,
  createdAt: Date,
  values: readonly CopyValue[],
  change: RecordChange | null,
): void {
  const history = historyOf[kind]
  const creation = [...values, ...created(by, createdAt)]
  sink.add(history, [...creation, createdAt])
  if (!change) {
    sink.add(kind, creation)
    return
  }
  const { at, deleted } = change
  const latest = [...change.values, by, createdAt, by, at, deleted, deleted ? at : null]
  sink.add(history, [...latest, at])
  sink.add(kind, latest)
}
