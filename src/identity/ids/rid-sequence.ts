import { type QueryExecutorProvider, sql } from 'kysely'
import { idsErrors } from './errors.js'
import { ridMaxSequence } from './rid.js'

const fiveDigits = /^\d{5}$/

/**
 * The next RID sequence number of a (center, machine): 1 for the first, then one more each call,
 * back to 1 after 99999. One atomic upsert, so concurrent callers never share a number (until
 * the sequence wraps).
 */
export async function nextRidSequence(
  executor: QueryExecutorProvider,
  centerId: string,
  machineId: string,
  by = 'SYSTEM',
): Promise<number> {
  if (!fiveDigits.test(centerId)) throw idsErrors.invalidRidParts('center id must be 5 digits')
  if (!fiveDigits.test(machineId)) throw idsErrors.invalidRidParts('machine id must be 5 digits')
  const now = new Date()
  const { rows } = await sql<{ curr_seq_no: number }>`
    insert into kernel.rid_seq (regcntr_id, machine_id, curr_seq_no, cr_by, cr_dtimes)
    values (${centerId}, ${machineId}, 1, ${by}, ${now})
    on conflict (regcntr_id, machine_id) do update set
      curr_seq_no = case when kernel.rid_seq.curr_seq_no >= ${ridMaxSequence} then 1
        else kernel.rid_seq.curr_seq_no + 1 end,
      upd_by = excluded.cr_by,
      upd_dtimes = excluded.cr_dtimes
    returning curr_seq_no`.execute(executor)
  const row = rows[0]
  if (!row) throw new Error('kernel.rid_seq upsert returned no row')
  return row.curr_seq_no
}
