import { z } from 'zod'
import { profileFactsOf } from '../age-gender.js'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import { collatedValues as v, type CollatedTable, versionColumns } from './collated-table.js'

const profileRow = z.object({ id: v.text, profile: v.text, cr_dtimes: v.time })

/**
 * `idrepo.anonymous_profile`: one row per identity issued or updated, reduced to the process,
 * the age band at that time and the gender code. The profile JSON (year of birth, channels,
 * documents, biometric types) is read once here and never stored: the band is computed from
 * the year of birth and the UTC year of `cr_dtimes`, as the reports define it.
 */
export const anonymousProfileVersions: CollatedTable = {
  source: 'idrepo.anonymous_profile',
  primaryKey: ['id'],
  dataset: defineLakeDataset({
    name: 'anonymous_profile',
    columns: [
      { name: 'id', type: 'VARCHAR', nullable: false },
      { name: 'process_name', type: 'VARCHAR', nullable: true },
      { name: 'age_band', type: 'VARCHAR', nullable: false },
      { name: 'gender', type: 'VARCHAR', nullable: false },
      { name: 'cr_dtimes', type: 'TIMESTAMP', nullable: false },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    const row = profileRow.parse(change.row)
    const facts = profileFactsOf(row.profile, row.cr_dtimes)
    return {
      id: row.id,
      process_name: facts.processName,
      age_band: facts.ageBand,
      gender: facts.gender,
      cr_dtimes: row.cr_dtimes,
    }
  },
}
