import { randomUUID } from 'node:crypto'
import { passed, type StageContext, type StageHandler } from '../engine/stage.js'

const appCode = 'MOSAIC_MATCHER'

/**
 * ABIS handler: gives the packet's biometrics a reference id (reg_bio_ref) and queues an INSERT
 * and an IDENTIFY request for it (abis_request). LOST packets are inserted too (an ABIS
 * searches with what it holds); their reference only counts once the RID has an identity.
 */
export const abisHandler: StageHandler = async (context) => {
  const bioRefId = randomUUID()
  const batchId = randomUUID()
  const types = ['INSERT', 'IDENTIFY']
  const audit = {
    cr_by: 'SYSTEM',
    cr_dtimes: context.now,
    upd_by: null,
    upd_dtimes: null,
    del_dtimes: null,
  }
  return passed('BIO_DEDUPE_INPROGRESS', {
    ref: { id: bioRefId, type: 'BIO_REF_ID' },
    effects: async (trx) => {
      await trx
        .insertInto('regprc.reg_bio_ref')
        .values({
          reg_id: context.rid,
          bio_ref_id: bioRefId,
          is_active: true,
          workflow_instance_id: context.workflowInstanceId,
          process: context.process,
          ...audit,
        })
        .execute()
      await trx
        .insertInto('regprc.abis_request')
        .values(
          types.map((type) => ({
            id: randomUUID(),
            req_batch_id: batchId,
            abis_app_code: appCode,
            request_type: type,
            request_dtimes: context.now,
            bio_ref_id: bioRefId,
            ref_regtrn_id: context.transactionId,
            req_text: null,
            status_code: 'IN_PROGRESS',
            status_comment: null,
            lang_code: 'eng',
            ...audit,
          })),
        )
        .execute()
    },
  })
}

/**
 * ABIS middleware: sends the queued requests to the ABIS (through the AbisPort) and stores its
 * answers: abis_response per request, abis_response_det per candidate.
 */
export const abisMiddleware: StageHandler = async (context) => {
  // INSERT before IDENTIFY: the probe must be in the gallery to be searched.
  const requests = (await pendingRequests(context)).sort(
    (a, b) => Number(b.request_type === 'INSERT') - Number(a.request_type === 'INSERT'),
  )
  const packet = context.packet()
  const responses: { requestId: string; candidates: { referenceId: string; score: number }[] }[] =
    []
  for (const request of requests) {
    const ref = request.bio_ref_id ?? ''
    if (request.request_type === 'INSERT') {
      await context.services.abis.insert(ref, packet.biometrics)
      responses.push({ requestId: request.id, candidates: [] })
    } else {
      const candidates = await context.services.abis.identify(ref)
      responses.push({ requestId: request.id, candidates: [...candidates] })
    }
  }
  return passed('INSERT_IDENTIFY_RESPONSE_SUCCESS', {
    effects: async (trx) => {
      const audit = {
        cr_by: 'SYSTEM',
        cr_dtimes: context.now,
        upd_by: null,
        upd_dtimes: null,
        del_dtimes: null,
      }
      for (const response of responses) {
        const responseId = randomUUID()
        await trx
          .insertInto('regprc.abis_response')
          .values({
            id: responseId,
            abis_req_id: response.requestId,
            resp_text: null,
            status_code: 'SUCCESS',
            status_comment: null,
            lang_code: 'eng',
            ...audit,
          })
          .execute()
        if (response.candidates.length > 0)
          await trx
            .insertInto('regprc.abis_response_det')
            .values(
              response.candidates.map((c) => ({
                abis_resp_id: responseId,
                matched_bio_ref_id: c.referenceId,
                score: Math.round(c.score),
                ...audit,
              })),
            )
            .execute()
        await trx
          .updateTable('regprc.abis_request')
          .set({ status_code: 'PROCESSED', upd_by: 'SYSTEM', upd_dtimes: context.now })
          .where('id', '=', response.requestId)
          .execute()
      }
    },
  })
}

function pendingRequests(context: StageContext) {
  return context.db
    .selectFrom('regprc.abis_request as r')
    .innerJoin('regprc.reg_bio_ref as b', 'b.bio_ref_id', 'r.bio_ref_id')
    .select(['r.id', 'r.request_type', 'r.bio_ref_id'])
    .where('b.workflow_instance_id', '=', context.workflowInstanceId)
    .where('r.status_code', '=', 'IN_PROGRESS')
    .execute()
}
