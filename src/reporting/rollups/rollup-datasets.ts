import { defineLakeDataset, type LakeColumn, type LakeDataset } from '../lake/lake-dataset.js'

/** The dimensions and measures every registration rollup has after its period start. */
const registrationRollupColumns: readonly LakeColumn[] = [
  { name: 'center_id', type: 'VARCHAR', nullable: false },
  { name: 'zone_code', type: 'VARCHAR', nullable: true },
  { name: 'process', type: 'VARCHAR', nullable: true },
  { name: 'status_code', type: 'VARCHAR', nullable: true },
  { name: 'stage', type: 'VARCHAR', nullable: true },
  { name: 'created', type: 'BIGINT', nullable: false },
  { name: 'became_final', type: 'BIGINT', nullable: false },
  { name: 'transactions', type: 'BIGINT', nullable: false },
]

/** Registrations per UTC hour (`period_start`, a TIMESTAMP on the hour); see rollup-queries.ts. */
export const registrationRollupHourly: LakeDataset = defineLakeDataset({
  name: 'registration_rollup_hourly',
  columns: [
    { name: 'period_start', type: 'TIMESTAMP', nullable: false },
    ...registrationRollupColumns,
  ],
})

/** Registrations per UTC day (`period_start`, a DATE); see rollup-queries.ts. */
export const registrationRollupDaily: LakeDataset = defineLakeDataset({
  name: 'registration_rollup_daily',
  columns: [{ name: 'period_start', type: 'DATE', nullable: false }, ...registrationRollupColumns],
})

/** UINs allocated per UTC day by age band and gender (NEW anonymous profiles). */
export const uinRollupDaily: LakeDataset = defineLakeDataset({
  name: 'uin_rollup_daily',
  columns: [
    { name: 'day', type: 'DATE', nullable: false },
    { name: 'age_band', type: 'VARCHAR', nullable: true },
    { name: 'gender', type: 'VARCHAR', nullable: true },
    { name: 'count', type: 'BIGINT', nullable: false },
  ],
})

/** Every rollup dataset (for a LakeReader that reads them). */
export const rollupDatasets: readonly LakeDataset[] = [
  registrationRollupHourly,
  registrationRollupDaily,
  uinRollupDaily,
]

/** The collated datasets the rollups are computed from (a reader must expose all four). */
export const rollupSourceDatasetNames = [
  'registration',
  'registration_transaction',
  'registration_center',
  'anonymous_profile',
] as const
