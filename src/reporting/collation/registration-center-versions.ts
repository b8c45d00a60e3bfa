import { z } from 'zod'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import { collatedValues as v, type CollatedTable, versionColumns } from './collated-table.js'

const centerRow = z.object({
  id: v.text,
  lang_code: v.text,
  name: v.text,
  zone_code: v.text,
  is_active: z.boolean(),
})

/**
 * `master.registration_center`: a center's name per language, its zone (for staff scoping) and
 * whether it is active. The contact person, phone and address lines stay out: no report needs
 * them and the lake keeps no names of people, phones or addresses.
 */
export const registrationCenterVersions: CollatedTable = {
  source: 'master.registration_center',
  primaryKey: ['id', 'lang_code'],
  dataset: defineLakeDataset({
    name: 'registration_center',
    columns: [
      { name: 'id', type: 'VARCHAR', nullable: false },
      { name: 'lang_code', type: 'VARCHAR', nullable: false },
      { name: 'name', type: 'VARCHAR', nullable: false },
      { name: 'zone_code', type: 'VARCHAR', nullable: false },
      { name: 'is_active', type: 'BOOLEAN', nullable: false },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    return centerRow.parse(change.row)
  },
}
