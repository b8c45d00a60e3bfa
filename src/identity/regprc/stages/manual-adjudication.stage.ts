import { randomUUID } from 'node:crypto'
import { passed, type StageHandler } from '../engine/stage.js'
import { bioMatches } from './bio-matches.js'

/**
 * Manual adjudication: queues one reg_manual_verification row (PENDING) per matched
 * registration, demographic (reg_demo_dedupe_list) and biometric (the ABIS answer), then waits.
 * The adjudicators' decisions (adjudication service) move the workflow on.
 */
export const manualAdjudication: StageHandler = async (context) => {
  const demo = await context.db
    .selectFrom('regprc.reg_demo_dedupe_list')
    .select('matched_reg_id')
    .distinct()
    .where('reg_id', '=', context.rid)
    .execute()
  const bio = await bioMatches(context)
  const rows = new Map<string, { ref: string; type: 'DEMO' | 'BIO' }>()
  for (const row of demo)
    rows.set(`DEMO:${row.matched_reg_id}`, { ref: row.matched_reg_id, type: 'DEMO' })
  for (const match of bio.matches) rows.set(`BIO:${match.rid}`, { ref: match.rid, type: 'BIO' })
  const requestId = randomUUID()
  return passed('RPR_MANUAL_VERIFICATION_SENT_TO_QUEUE', {
    pause: true,
    transactionStatus: 'IN_PROGRESS',
    ref: { id: requestId, type: 'MANUAL_VERIFICATION_REQUEST_ID' },
    effects: async (trx) => {
      if (rows.size === 0) return
      await trx
        .insertInto('regprc.reg_manual_verification')
        .values(
          [...rows.values()].map((row) => ({
            reg_id: context.rid,
            matched_ref_id: row.ref,
            matched_ref_type: row.type,
            mv_usr_id: null,
            ref_regtrn_id: context.transactionId,
            request_id: requestId,
            res_text: null,
            status_code: 'PENDING',
            reason_code: null,
            status_comment: null,
            trntyp_code: 'MANUAL_ADJUDICATION',
            lang_code: 'eng',
            is_active: true,
            workflow_instance_id: context.workflowInstanceId,
            cr_by: 'SYSTEM',
            cr_dtimes: context.now,
            upd_by: null,
            upd_dtimes: null,
            del_dtimes: null,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
    },
  })
}

/**
 * Verification (infants, or all fingers and irises missing): queues a reg_verification row
 * and waits for a verifier's decision.
 */
export const verification: StageHandler = async (context) => {
  const requestId = randomUUID()
  return passed('VERIFICATION_SENT', {
    pause: true,
    transactionStatus: 'IN_PROGRESS',
    ref: { id: requestId, type: 'VERIFICATION_REQUEST_ID' },
    effects: async (trx) => {
      await trx
        .insertInto('regprc.reg_verification')
        .values({
          workflow_instance_id: context.workflowInstanceId,
          reg_id: context.rid,
          verification_req_id: requestId,
          matched_type: null,
          verification_usr_id: null,
          response_text: null,
          status_code: 'PENDING',
          reason_code: null,
          status_comment: null,
          is_active: true,
          cr_by: 'SYSTEM',
          cr_dtimes: context.now,
          upd_by: null,
          upd_dtimes: null,
          del_dtimes: null,
        })
        .onConflict((oc) =>
          oc.column('workflow_instance_id').doUpdateSet({
            verification_req_id: requestId,
            status_code: 'PENDING',
            upd_by: 'SYSTEM',
            upd_dtimes: context.now,
          }),
        )
        .execute()
    },
  })
}
