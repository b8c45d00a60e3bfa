import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { EventBus } from '../../../platform/bus/index.js'
import type { Db } from '../../../platform/db/index.js'
import { AppError } from '../../../platform/errors.js'
import { packetSchema, type RegistrationPacket } from '../packet.schema.js'
import type { PacketStore } from '../ports.js'
import type { Registration, RegprcTables } from '../schema/regprc.tables.js'
import { syncTypes, type SyncType } from '../vocabulary/registration-type.js'
import { stages, type StageName } from '../vocabulary/stage-name.js'
import { regprcErrors } from '../errors.js'
import { packetTags } from './packet-tags.js'
import { nextAfter, routes } from './route-table.js'
import {
  transactionStatusOf,
  type StageContext,
  type StageHandler,
  type StageOutcome,
  type StageServices,
} from './stage.js'
import { isTerminal, recordTransaction } from './workflow-recorder.js'
import { recordAnonymousProfile } from './anonymous-profile.js'
import { packetOrNull } from '../stages/stage-packet.js'

/** One unit of work: run `stage` for an instance whose latest transaction is `afterTrnId`. */
export interface StepRef {
  readonly workflowInstanceId: string
  readonly stage: StageName
  /** Guards against running a step twice: the step runs only if this is still the latest. */
  readonly afterTrnId: string | null
}

/** Makes a step happen later, durably, if and only if `trx` commits. */
export interface StepScheduler {
  schedule(trx: Transaction<RegprcTables>, step: StepRef): Promise<void>
}

export interface WorkflowEngineOptions {
  readonly db: Db
  readonly bus: EventBus
  readonly scheduler: StepScheduler
  readonly packets: PacketStore
  readonly services: StageServices
  readonly handlers: Readonly<Record<StageName, StageHandler>>
  readonly clock?: () => Date
}

export interface WorkflowEngine {
  /** Runs one scheduled step; a step whose instance has moved on is ignored. */
  runStep(step: StepRef): Promise<void>
  /** Records an outside decision for a paused stage and moves the workflow on. */
  resume(
    workflowInstanceId: string,
    stage: StageName,
    outcome: StageOutcome,
    actor: string,
  ): Promise<void>
  /** Schedules the first stage of a registration created in `trx`. */
  start(
    trx: Transaction<RegprcTables>,
    workflowInstanceId: string,
    process: SyncType,
  ): Promise<void>
  readonly scheduler: StepScheduler
}

const active = new Set(['PROCESSING', 'REPROCESS'])

export function createWorkflowEngine(options: WorkflowEngineOptions): WorkflowEngine {
  const db = options.db.withTables<RegprcTables>()
  const clock = options.clock ?? (() => new Date())

  async function load(workflowInstanceId: string): Promise<Registration> {
    const row = await db
      .selectFrom('regprc.registration')
      .selectAll()
      .where('workflow_instance_id', '=', workflowInstanceId)
      .executeTakeFirst()
    if (!row) throw regprcErrors.registrationNotFound()
    return row
  }

  async function contextFor(
    registration: Registration,
    transactionId: string,
  ): Promise<StageContext> {
    const raw = (await options.packets.get(registration.workflow_instance_id)) ?? ''
    let parsed: RegistrationPacket | undefined
    return {
      workflowInstanceId: registration.workflow_instance_id,
      rid: registration.reg_id,
      process: processOf(registration),
      transactionId,
      raw,
      packet() {
        parsed ??= packetSchema.parse(JSON.parse(raw))
        return parsed
      },
      db,
      services: options.services,
      now: clock(),
    }
  }

  /** Writes the outcome and what follows, unless another run got there first. */
  async function commit(
    registration: Registration,
    stage: StageName,
    outcome: StageOutcome,
    context: StageContext,
    actor: string,
  ): Promise<void> {
    const next = outcome.pause
      ? undefined
      : nextAfter(context.process, stage, outcome, {
          tags: () => packetTags(context.packet()),
          hint: outcome.next,
        })
    await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('regprc.registration')
        .select(['latest_trn_id', 'status_code'])
        .where('workflow_instance_id', '=', registration.workflow_instance_id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (current.latest_trn_id !== registration.latest_trn_id) return
      await outcome.effects?.(trx)
      const statusCode = await recordTransaction(
        trx,
        options.bus,
        registration,
        {
          id: context.transactionId,
          stage: stages[stage],
          transactionStatus: transactionStatusOf(outcome),
          subStatus: outcome.subStatus,
          commentSuffix: outcome.commentSuffix,
          ref: outcome.ref,
          next,
          actor,
          internalError: outcome.internalError,
        },
        context.now,
      )
      if (isTerminal(next) && next !== 'mark-as-reprocess') {
        await recordAnonymousProfile(trx, registration, packetOrNull(context), {
          stage: stages[stage].className,
          status: statusCode,
          now: context.now,
        })
      }
      if (next !== undefined && !isTerminal(next)) {
        await options.scheduler.schedule(trx, {
          workflowInstanceId: registration.workflow_instance_id,
          stage: next,
          afterTrnId: context.transactionId,
        })
      }
    })
  }

  return {
    scheduler: options.scheduler,
    async runStep(step) {
      const registration = await load(step.workflowInstanceId)
      if (!active.has(registration.status_code)) return
      if (registration.latest_trn_id !== step.afterTrnId) return
      const context = await contextFor(registration, randomUUID())
      const outcome = await runHandler(options.handlers[step.stage], context)
      await commit(registration, step.stage, outcome, context, 'SYSTEM')
    },
    async resume(workflowInstanceId, stage, outcome, actor) {
      const registration = await load(workflowInstanceId)
      if (
        registration.status_code !== 'PROCESSING' ||
        registration.reg_stage_name !== stages[stage].className
      )
        throw regprcErrors.notAwaitingDecision()
      const context = await contextFor(registration, randomUUID())
      await commit(registration, stage, outcome, context, actor)
    },
    async start(trx, workflowInstanceId, process) {
      await options.scheduler.schedule(trx, {
        workflowInstanceId,
        stage: routes[process].first,
        afterTrnId: null,
      })
    },
  }
}

function processOf(registration: Registration): SyncType {
  const process = registration.process as SyncType
  if (!syncTypes.includes(process)) throw regprcErrors.unsupportedProcess(registration.process)
  return process
}

/**
 * Runs a stage; anything it throws is an internal error (MOSIP: isValid=true,
 * internalError=true, so the route marks the packet for reprocessing). The comment names the
 * error code or class only, never its message, which could hold personal data.
 */
async function runHandler(handler: StageHandler, context: StageContext): Promise<StageOutcome> {
  try {
    return await handler(context)
  } catch (error) {
    const name = error instanceof AppError ? error.code : ((error as Error)?.name ?? 'Error')
    return {
      isValid: true,
      internalError: true,
      subStatus: 'SYSTEM_EXCEPTION_OCCURED',
      commentSuffix: name,
    }
  }
}
