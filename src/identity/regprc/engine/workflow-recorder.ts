import type { Transaction } from 'kysely'
import type { EventBus, TopicEvent } from '../../../platform/bus/index.js'
import { recordAudit } from '../../audit/index.js'
import type { Registration, RegprcTables } from '../schema/regprc.tables.js'
import type { RegistrationStatusCode, TransactionStatusCode } from '../vocabulary/status-code.js'
import type { StageInfo } from '../vocabulary/stage-name.js'
import { subStatuses, statusComment, type SubStatusName } from '../vocabulary/sub-status.js'
import type { Next, TerminalCommand } from './route-table.js'
import { stageEvent, workflowCompletedEvent } from './workflow-events.js'

/** What one stage attempt (or a reprocess, or a decision) leaves behind. */
export interface TransactionRecord {
  readonly id: string
  readonly stage: StageInfo
  readonly transactionStatus: TransactionStatusCode
  readonly subStatus: SubStatusName
  readonly commentSuffix?: string | undefined
  /** Replaces the sub-status's comment (MOSIP's internal actions record their own message). */
  readonly comment?: string
  readonly ref?: { readonly id: string; readonly type: string } | undefined
  /** The stage or command that follows; undefined while the workflow waits (paused). */
  readonly next: Next | undefined
  readonly actor: string
  readonly internalError: boolean
  /** Reprocess bookkeeping: the new retry count, when this record is the reprocessor's. */
  readonly retryCount?: number
  /** Overrides the overall status (the reprocessor's REPROCESS_FAILED). */
  readonly statusCode?: RegistrationStatusCode
}

const statusAfter: Record<TerminalCommand, RegistrationStatusCode> = {
  'complete-as-processed': 'PROCESSED',
  'complete-as-rejected': 'REJECTED',
  'complete-as-failed': 'FAILED',
  'mark-as-reprocess': 'REPROCESS',
}

export function isTerminal(next: Next | undefined): next is TerminalCommand {
  return next !== undefined && next in statusAfter
}

/**
 * Writes a stage attempt in the caller's transaction: the registration_transaction row
 * (chained to the previous one), the registration row's latest_* and status, the audit entry,
 * and the bus events (stage transition; workflow completed on a terminal command).
 */
export async function recordTransaction(
  trx: Transaction<RegprcTables>,
  bus: EventBus,
  registration: Registration,
  record: TransactionRecord,
  now: Date,
): Promise<RegistrationStatusCode> {
  const sub = subStatuses[record.subStatus]
  const comment = record.comment ?? statusComment(record.subStatus, record.commentSuffix)
  await trx
    .insertInto('regprc.registration_transaction')
    .values({
      id: record.id,
      reg_id: registration.reg_id,
      trn_type_code: record.stage.trnType,
      remarks: null,
      parent_regtrn_id: registration.latest_trn_id,
      ref_id: record.ref?.id ?? null,
      ref_id_type: record.ref?.type ?? null,
      status_code: record.transactionStatus,
      sub_status_code: sub.code,
      lang_code: 'eng',
      status_comment: comment,
      cr_by: record.actor,
      cr_dtimes: now,
      upd_by: record.actor,
      upd_dtimes: now,
      del_dtimes: null,
    })
    .execute()
  const statusCode =
    record.statusCode ?? (isTerminal(record.next) ? statusAfter[record.next] : 'PROCESSING')
  const succeeded = record.transactionStatus === 'SUCCESS'
  await trx
    .updateTable('regprc.registration')
    .set({
      status_code: statusCode,
      status_comment: comment,
      latest_trn_id: record.id,
      latest_trn_type_code: record.stage.trnType,
      latest_trn_status_code: record.transactionStatus,
      latest_trn_dtimes: now,
      reg_stage_name: record.stage.className,
      ...(succeeded && { last_success_stage_name: record.stage.className }),
      ...(record.retryCount !== undefined && { reg_process_retry_count: record.retryCount }),
      upd_by: record.actor,
      upd_dtimes: now,
    })
    .where('workflow_instance_id', '=', registration.workflow_instance_id)
    .execute()
  await recordAudit(trx, {
    eventId: record.internalError ? 'RPR_405' : 'RPR_402',
    eventName: record.internalError ? 'EXCEPTION' : 'UPDATE',
    eventType: record.internalError ? 'SYSTEM' : 'BUSINESS',
    appId: 'MOSIP_4',
    appName: 'REGISTRATION_PROCESSOR',
    moduleId: record.stage.moduleId,
    moduleName: record.stage.module,
    refId: registration.reg_id,
    refIdType: 'REGISTRATION_ID',
    sessionUserId: record.actor,
    description: `${sub.code} ${comment}`,
    actionAt: now,
  })
  const events: TopicEvent[] = [
    stageEvent({
      rid: registration.reg_id,
      workflowInstanceId: registration.workflow_instance_id,
      process: registration.process,
      stage: record.stage.className,
      status: record.transactionStatus,
      subStatus: sub.code,
    }),
  ]
  if (isTerminal(record.next) && record.next !== 'mark-as-reprocess') {
    events.push(
      workflowCompletedEvent({
        instanceId: registration.workflow_instance_id,
        resultCode: statusCode,
        workflowType: registration.process,
        errorCode: statusCode === 'PROCESSED' ? null : sub.code,
      }),
    )
  } else if (record.statusCode === 'REPROCESS_FAILED') {
    events.push(
      workflowCompletedEvent({
        instanceId: registration.workflow_instance_id,
        resultCode: statusCode,
        workflowType: registration.process,
        errorCode: sub.code,
      }),
    )
  }
  await bus.publish(events, { trx })
  return statusCode
}
