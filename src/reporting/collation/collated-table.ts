import { z } from 'zod'
import type { CdcChange } from '../cdc/watermark-connector.js'
import type { LakeColumn, LakeDataset } from '../lake/lake-dataset.js'

/** The columns every row-version dataset ends with (see `versionRow`). */
export const versionColumns: readonly LakeColumn[] = [
  { name: 'change_key', type: 'VARCHAR', nullable: false },
  { name: 'change_time', type: 'TIMESTAMP', nullable: false },
  { name: 'deleted', type: 'BOOLEAN', nullable: false },
]

/** zod pieces the datasets' row checks share. */
export const collatedValues = {
  text: z.string(),
  optionalText: z.string().nullish(),
  time: z.date(),
  optionalTime: z.date().nullish(),
} as const

/**
 * How one captured source table becomes a lake dataset of row versions (an append-only change
 * log): an explicit list of non-personal columns, each checked with zod as it leaves the source,
 * plus the version columns. `primaryKey` is what `latestVersionsView` partitions by.
 */
export interface CollatedTable {
  /** The captured source table, `schema.table`. */
  readonly source: string
  readonly dataset: LakeDataset
  readonly primaryKey: readonly string[]
  /** Maps a change to the dataset's own columns (the version columns and dt are added). */
  readonly toRow: (change: CdcChange) => Record<string, unknown>
}

/** The center of a registration: the first 5 digits of its RID (as the reports define it). */
export function centerOfRid(regId: string): string {
  return regId.slice(0, 5)
}
