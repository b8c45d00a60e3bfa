import type { Db } from '../../../platform/db/index.js'
import { failed, passed } from '../engine/stage.js'
import type { WorkflowEngine } from '../engine/workflow-engine.js'
import { regprcErrors } from '../errors.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import type { ManualAdjudicationReason } from '../vocabulary/reason-code.js'
import { statusComment } from '../vocabulary/sub-status.js'

export type Decision = 'APPROVED' | 'REJECTED'

/** A queue entry as adjudicators see it: ids and codes only. */
export interface AdjudicationItem {
  readonly workflowInstanceId: string
  readonly registrationId: string
  readonly matchedRefId: string
  readonly matchedRefType: string
  readonly status: string
  readonly assignedTo: string | null
  readonly reasonCode: string | null
  readonly createdAt: Date
}

/**
 * The manual adjudication queue (reg_manual_verification): PENDING → ASSIGNED (to one
 * adjudicator, all matches of a registration together) → APPROVED or REJECTED with an MNA
 * reason. Once every match of a registration is decided the workflow moves on: any match
 * confirmed (REJECTED) rejects the packet (MNV-FAILED-002), otherwise it is approved
 * (MNV-SUCCESS-001) and goes on to UIN generation.
 */
export function createAdjudicationService(db: Db, engine: () => WorkflowEngine) {
  const tables = db.withTables<RegprcTables>()
  return {
    async list(filter: { status?: string; limit: number }): Promise<AdjudicationItem[]> {
      let query = tables
        .selectFrom('regprc.reg_manual_verification')
        .selectAll()
        .orderBy('cr_dtimes')
        .limit(filter.limit)
      if (filter.status) query = query.where('status_code', '=', filter.status)
      return (await query.execute()).map((row) => ({
        workflowInstanceId: row.workflow_instance_id,
        registrationId: row.reg_id,
        matchedRefId: row.matched_ref_id,
        matchedRefType: row.matched_ref_type,
        status: row.status_code ?? 'PENDING',
        assignedTo: row.mv_usr_id,
        reasonCode: row.reason_code,
        createdAt: row.cr_dtimes,
      }))
    },

    /** Assigns the oldest pending registration to `user`; null when the queue is empty. */
    async assign(user: string): Promise<string | null> {
      return tables.transaction().execute(async (trx) => {
        const next = await trx
          .selectFrom('regprc.reg_manual_verification')
          .select('workflow_instance_id')
          .where('status_code', '=', 'PENDING')
          .orderBy('cr_dtimes')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst()
        if (!next) return null
        await trx
          .updateTable('regprc.reg_manual_verification')
          .set({ status_code: 'ASSIGNED', mv_usr_id: user, upd_by: user, upd_dtimes: new Date() })
          .where('workflow_instance_id', '=', next.workflow_instance_id)
          .where('status_code', '=', 'PENDING')
          .execute()
        return next.workflow_instance_id
      })
    },

    async decide(input: {
      workflowInstanceId: string
      decision: Decision
      reasonCode: ManualAdjudicationReason
      user: string
    }): Promise<void> {
      const assigned = await tables
        .selectFrom('regprc.reg_manual_verification')
        .select('matched_ref_id')
        .where('workflow_instance_id', '=', input.workflowInstanceId)
        .where('status_code', '=', 'ASSIGNED')
        .where('mv_usr_id', '=', input.user)
        .execute()
      if (assigned.length === 0) throw regprcErrors.notAwaitingDecision()
      const approved = input.decision === 'APPROVED'
      const outcome = approved
        ? passed('MANUAL_VERIFIER_APPROVED_PACKET')
        : failed('MANUAL_VERIFIER_REJECTED_PACKET')
      // The rows change in the transaction that records the decision and moves the workflow.
      await engine().resume(
        input.workflowInstanceId,
        'manual-adjudication',
        {
          ...outcome,
          effects: async (trx) => {
            await trx
              .updateTable('regprc.reg_manual_verification')
              .set({
                status_code: input.decision,
                reason_code: input.reasonCode,
                status_comment: statusComment(outcome.subStatus),
                upd_by: input.user,
                upd_dtimes: new Date(),
              })
              .where('workflow_instance_id', '=', input.workflowInstanceId)
              .where('status_code', '=', 'ASSIGNED')
              .where('mv_usr_id', '=', input.user)
              .execute()
          },
        },
        input.user,
      )
    },

    /** A verifier's decision on an infant's (or all-exception) packet. */
    async verify(input: {
      workflowInstanceId: string
      decision: Decision
      user: string
    }): Promise<void> {
      const pending = await tables
        .selectFrom('regprc.reg_verification')
        .select('reg_id')
        .where('workflow_instance_id', '=', input.workflowInstanceId)
        .where('status_code', '=', 'PENDING')
        .executeTakeFirst()
      if (!pending) throw regprcErrors.notAwaitingDecision()
      const outcome =
        input.decision === 'APPROVED'
          ? passed('VERIFICATION_SUCCESS')
          : failed('VERIFICATION_FAILED')
      await engine().resume(
        input.workflowInstanceId,
        'verification',
        {
          ...outcome,
          effects: async (trx) => {
            await trx
              .updateTable('regprc.reg_verification')
              .set({
                status_code: input.decision,
                verification_usr_id: input.user,
                status_comment: statusComment(outcome.subStatus),
                upd_by: input.user,
                upd_dtimes: new Date(),
              })
              .where('workflow_instance_id', '=', input.workflowInstanceId)
              .execute()
          },
        },
        input.user,
      )
    },
  }
}

export type AdjudicationService = ReturnType<typeof createAdjudicationService>
