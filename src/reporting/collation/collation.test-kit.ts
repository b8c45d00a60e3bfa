import { sql } from 'kysely'
import type { Db } from '../../platform/db/index.js'
import type { LakeReader } from '../lake/lake-reader.js'
import { registrationTransactionVersions, registrationVersions } from './collation-datasets.js'
import { latestVersionsView } from './latest-versions-view.js'

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null)

/** The same rows, read from both sides: the lake's latest versions and the source's live rows. */
export interface RegprcSides {
  readonly source: { readonly registrations: unknown[]; readonly transactions: unknown[] }
  readonly lake: { readonly registrations: unknown[]; readonly transactions: unknown[] }
}

/**
 * Reads regprc's live registrations and transactions from the source and from the lake, in the
 * lake's value forms (ISO timestamps, the center derived from the RID), ordered bytewise by key,
 * so that a test can compare them whole.
 */
export async function readRegprcSides(source: Db, reader: LakeReader): Promise<RegprcSides> {
  const { rows: registrations } = await sql<Record<string, unknown>>`
    select workflow_instance_id, reg_id, process, status_code, latest_trn_id,
      latest_trn_dtimes, pkt_cr_dtimes
    from regprc.registration where coalesce(is_deleted, false) = false
    order by workflow_instance_id collate "C"`.execute(source)
  const { rows: transactions } = await sql<Record<string, unknown>>`
    select id, reg_id, trn_type_code, sub_status_code, status_comment, cr_dtimes
    from regprc.registration_transaction where coalesce(is_deleted, false) = false
    order by id collate "C"`.execute(source)
  return {
    source: {
      registrations: registrations.map((r) => ({
        ...r,
        center_id: String(r['reg_id']).slice(0, 5),
        latest_trn_dtimes: iso(r['latest_trn_dtimes']),
        pkt_cr_dtimes: iso(r['pkt_cr_dtimes']),
      })),
      transactions: transactions.map((t) => ({ ...t, cr_dtimes: iso(t['cr_dtimes']) })),
    },
    lake: {
      registrations: await reader.query(
        `SELECT workflow_instance_id, reg_id, center_id, process, status_code, latest_trn_id,
           latest_trn_dtimes, pkt_cr_dtimes FROM (${latestVersionsView(registrationVersions)})
         ORDER BY workflow_instance_id COLLATE "C"`,
      ),
      transactions: await reader.query(
        `SELECT id, reg_id, trn_type_code, sub_status_code, status_comment, cr_dtimes
         FROM (${latestVersionsView(registrationTransactionVersions)}) ORDER BY id COLLATE "C"`,
      ),
    },
  }
}
