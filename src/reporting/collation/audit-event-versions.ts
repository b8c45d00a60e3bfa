import { z } from 'zod'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import { collatedValues as v, type CollatedTable, versionColumns } from './collated-table.js'

const auditRow = z.object({
  log_id: v.text,
  log_dtimes: v.time,
  event_id: v.text,
  event_type: v.text,
  event_name: v.text,
  app_id: v.text,
  module_id: v.optionalText,
  module_name: v.optionalText,
})

/**
 * `audit.app_audit_log`: what happened, when, in which application and module. Not who (the
 * session user), not on what (`ref_id`, often an individual's id) and not the free-text
 * description; the log is append-only, so every row has one version.
 */
export const auditEventVersions: CollatedTable = {
  source: 'audit.app_audit_log',
  primaryKey: ['log_id'],
  dataset: defineLakeDataset({
    name: 'audit_event',
    columns: [
      { name: 'log_id', type: 'VARCHAR', nullable: false },
      { name: 'log_dtimes', type: 'TIMESTAMP', nullable: false },
      { name: 'event_id', type: 'VARCHAR', nullable: false },
      { name: 'event_type', type: 'VARCHAR', nullable: false },
      { name: 'event_name', type: 'VARCHAR', nullable: false },
      { name: 'app_id', type: 'VARCHAR', nullable: false },
      { name: 'module_id', type: 'VARCHAR', nullable: true },
      { name: 'module_name', type: 'VARCHAR', nullable: true },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    return auditRow.parse(change.row)
  },
}
