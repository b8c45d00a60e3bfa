import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { EventBus } from '../../../platform/bus/index.js'
import { maxAllowedIterationFor, type RegprcSettings } from '../regprc.settings.js'
import type { Registration, RegprcTables } from '../schema/regprc.tables.js'
import type { TransactionStatusCode } from '../vocabulary/status-code.js'
import type { StageInfo } from '../vocabulary/stage-name.js'
import { subStatuses } from '../vocabulary/sub-status.js'
import { workflowPausedForAdditionalInfoEvent } from './workflow-events.js'
import { recordTransaction } from './workflow-recorder.js'

/** MOSIP's workflow internal action writes transactions and audits as a stage would. */
export const workflowInternalActionInfo: StageInfo = {
  className: 'WorkflowInternalActionVerticle',
  trnType: 'INTERNAL_WORKFLOW_ACTION',
  module: 'WORKFLOW_INTERNAL_ACTION',
  moduleId: 'RPR-WIA',
}

/** What a route asks for (the camel route's ADDITIONAL_INFO_PROCESS and PAUSE_FOR properties). */
export interface AdditionalInfoSpec {
  /** The sub-process that brings the information, e.g. BIOMETRIC_CORRECTION. */
  readonly process: string
  /** How long to wait before the default resume action (STOP_PROCESSING) applies. */
  readonly pauseForSeconds: number
}

/** MOSIP's routes ask for a biometric correction and wait 15 days (mosip-config v1.2.0.1+). */
export const biometricCorrection: AdditionalInfoSpec = {
  process: 'BIOMETRIC_CORRECTION',
  pauseForSeconds: 1_296_000,
}

export type AdditionalInfoOutcome =
  | {
      readonly status: 'PAUSED_FOR_ADDITIONAL_INFO'
      readonly additionalInfoReqId: string
      readonly iteration: number
    }
  | { readonly status: 'REJECTED' }

/** `PlatformSuccessMessages.PAUSE_AND_REQUEST_ADDITIONAL_INFO`, the paused row's comment. */
const pausedComment = 'packet paused and request additional info'

/**
 * MOSIP's `workflow-cmd://pause-and-request-additional-info` (WorkflowInternalActionVerticle,
 * release-1.2.0.x): requests are numbered per RID and process in `additional_info_request`. If
 * the latest request's iteration has reached `maxAllowedIteration` (per process, else the
 * default) the registration is REJECTED ("Packet rejected as number of iterations exceeded
 * permited limit."); otherwise it is PAUSED_FOR_ADDITIONAL_INFO until `now + pauseForSeconds`
 * (default resume action STOP_PROCESSING), a request `<rid>-<process>-<iteration>` is added and
 * the paused event published. Either way one INTERNAL_WORKFLOW_ACTION transaction is written
 * with MOSIP's sub-status RPR-WIA-001 (MOSIP records the limit's WIA-002 text as the comment,
 * not its code) and the transaction status left as the stage set it; `reg_stage_name` stays on
 * the stage, where a resume continues. `registration` must be the row as it now is in `trx`
 * (after the stage's own transaction), since the new transaction chains to its latest one.
 */
export async function requestAdditionalInfo(
  trx: Transaction<RegprcTables>,
  bus: EventBus,
  registration: Registration,
  spec: AdditionalInfoSpec,
  settings: RegprcSettings,
  now: Date,
): Promise<AdditionalInfoOutcome> {
  const latest = await trx
    .selectFrom('regprc.additional_info_request')
    .select('additional_info_iteration')
    .where('reg_id', '=', registration.reg_id)
    .where('additional_info_process', '=', spec.process)
    .orderBy('additional_info_iteration', 'desc')
    .limit(1)
    .executeTakeFirst()
  const last = latest?.additional_info_iteration ?? 0
  const exceeded = latest !== undefined && last >= maxAllowedIterationFor(settings, spec.process)
  const record = {
    id: randomUUID(),
    stage: workflowInternalActionInfo,
    transactionStatus: (registration.latest_trn_status_code ?? 'SUCCESS') as TransactionStatusCode,
    subStatus: 'WORKFLOW_INTERNAL_ACTION_SUCCESS',
    actor: 'SYSTEM',
    internalError: false,
  } as const
  if (exceeded) {
    await recordTransaction(
      trx,
      bus,
      registration,
      {
        ...record,
        comment: subStatuses.WORKFLOW_INTERNAL_ACTION_REJECTED_ITERATIONS_EXCEEDED_LIMIT.comment,
        next: 'complete-as-rejected',
      },
      now,
    )
    await keepStage(trx, registration)
    return { status: 'REJECTED' }
  }
  const iteration = last + 1
  const additionalInfoReqId = `${registration.reg_id}-${spec.process}-${iteration}`
  await trx
    .insertInto('regprc.additional_info_request')
    .values({
      additional_info_req_id: additionalInfoReqId,
      workflow_instance_id: registration.workflow_instance_id,
      reg_id: registration.reg_id,
      additional_info_process: spec.process,
      additional_info_iteration: iteration,
      timestamp: now,
    })
    .execute()
  await recordTransaction(
    trx,
    bus,
    registration,
    {
      ...record,
      comment: pausedComment,
      next: undefined,
      statusCode: 'PAUSED_FOR_ADDITIONAL_INFO',
    },
    now,
  )
  await keepStage(trx, registration, {
    resume_timestamp: new Date(now.getTime() + spec.pauseForSeconds * 1000),
    default_resume_action: 'STOP_PROCESSING',
  })
  await bus.publish(
    [
      workflowPausedForAdditionalInfoEvent({
        instanceId: registration.workflow_instance_id,
        workflowType: registration.process,
        additionalInfoProcess: spec.process,
        additionalInfoRequestId: additionalInfoReqId,
      }),
    ],
    { trx },
  )
  return { status: 'PAUSED_FOR_ADDITIONAL_INFO', additionalInfoReqId, iteration }
}

/** The internal action is not a stage: the stage names stay where the workflow stopped. */
async function keepStage(
  trx: Transaction<RegprcTables>,
  registration: Registration,
  extra: { resume_timestamp?: Date; default_resume_action?: string } = {},
): Promise<void> {
  await trx
    .updateTable('regprc.registration')
    .set({
      reg_stage_name: registration.reg_stage_name,
      last_success_stage_name: registration.last_success_stage_name,
      ...extra,
    })
    .where('workflow_instance_id', '=', registration.workflow_instance_id)
    .execute()
}
