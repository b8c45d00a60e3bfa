import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { EventBus } from '../../../platform/bus/index.js'
import type { Db } from '../../../platform/db/index.js'
import type { PeriodicJob } from '../../../platform/jobs/index.js'
import type { RegprcSettings } from '../regprc.settings.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { reprocessorInfo, stages, type StageName } from '../vocabulary/stage-name.js'
import type { SyncType } from '../vocabulary/registration-type.js'
import { routes } from './route-table.js'
import type { WorkflowEngine } from './workflow-engine.js'
import { recordTransaction } from './workflow-recorder.js'

export interface ReprocessorOptions {
  readonly db: Db
  readonly bus: EventBus
  readonly engine: () => WorkflowEngine
  readonly settings: RegprcSettings
  readonly clock?: () => Date
}

const stageByClass = new Map(
  Object.entries(stages).map(([name, info]) => [info.className, name as StageName]),
)

/**
 * MOSIP's reprocessor: registrations marked REPROCESS (and PROCESSING ones whose last
 * transaction is older than the elapse time, i.e. stuck) are sent back to the stage they
 * stopped at, with a PACKET_REPROCESS transaction (RPS-SUCCESS-001); after
 * `reprocessAttemptCount` attempts they end as REPROCESS_FAILED (RPS-FAILED-001).
 * Paused stages waiting for a person (manual adjudication, verification) are left alone.
 */
export async function reprocess(options: ReprocessorOptions): Promise<number> {
  const db = options.db.withTables<RegprcTables>()
  const now = (options.clock ?? (() => new Date()))()
  const before = new Date(now.getTime() - options.settings.reprocessElapseSeconds * 1000)
  const waiting = [stages['manual-adjudication'].className, stages.verification.className]
  const rows = await db
    .selectFrom('regprc.registration')
    .selectAll()
    .where('status_code', 'in', ['REPROCESS', 'PROCESSING'])
    .where('latest_trn_dtimes', '<=', before)
    .where((eb) =>
      eb.or([eb('reg_stage_name', 'is', null), eb('reg_stage_name', 'not in', waiting)]),
    )
    .where('is_active', '=', true)
    .orderBy('latest_trn_dtimes')
    .limit(options.settings.reprocessBatchSize)
    .execute()
  let sent = 0
  for (const registration of rows) {
    // No stage yet: the first step never ran (a backlog or a lost task); start the route again.
    const stage = registration.reg_stage_name
      ? stageByClass.get(registration.reg_stage_name)
      : routes[registration.process as SyncType]?.first
    const attempts = (registration.reg_process_retry_count ?? 0) + 1
    const exhausted = attempts > options.settings.reprocessAttemptCount || !stage
    const id = randomUUID()
    await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('regprc.registration')
        .select('latest_trn_id')
        .where('workflow_instance_id', '=', registration.workflow_instance_id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (current.latest_trn_id !== registration.latest_trn_id) return
      await recordTransaction(
        trx,
        options.bus,
        registration,
        {
          id,
          stage: reprocessorInfo,
          transactionStatus: exhausted ? 'REPROCESS_FAILED' : 'IN_PROGRESS',
          subStatus: exhausted ? 'RE_PROCESS_FAILED' : 'RE_PROCESS_COMPLETED',
          next: undefined,
          actor: 'SYSTEM',
          internalError: false,
          retryCount: attempts,
          statusCode: exhausted ? 'REPROCESS_FAILED' : 'PROCESSING',
        },
        now,
      )
      // The reprocessor is not a stage: keep reg_stage_name on the stage to resume.
      await trx
        .updateTable('regprc.registration')
        .set({
          reg_stage_name: registration.reg_stage_name,
          trn_retry_count: sql`coalesce(trn_retry_count, 0) + 1`,
        })
        .where('workflow_instance_id', '=', registration.workflow_instance_id)
        .execute()
      if (!exhausted && stage) {
        await options.engine().scheduler.schedule(trx, {
          workflowInstanceId: registration.workflow_instance_id,
          stage,
          afterTrnId: id,
        })
        sent++
      }
    })
  }
  return sent
}

/** The reprocessor as a periodic job (MOSIP: every 3 minutes). */
export function reprocessorJob(options: ReprocessorOptions): PeriodicJob {
  return {
    name: 'identity.regprc.reprocessor',
    every: options.settings.reprocessEverySeconds,
    run: async () => {
      await reprocess(options)
    },
  }
}
