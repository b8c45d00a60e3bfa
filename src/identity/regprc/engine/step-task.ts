import { z } from 'zod'
import { defineTask, type TaskDefinition, type TaskQueue } from '../../../platform/jobs/index.js'
import { stageNames } from '../vocabulary/stage-name.js'
import type { StepRef, StepScheduler, WorkflowEngine } from './workflow-engine.js'

export const stepTaskName = 'identity.regprc.step'

/** Ids and a stage name only: task payloads are stored in plaintext. */
const stepSchema = z.object({
  workflowInstanceId: z.string().min(1).max(36),
  stage: z.enum(stageNames),
  afterTrnId: z.string().max(36).nullable(),
})

/**
 * The stages run as platform tasks: a step is enqueued in the transaction that recorded the
 * previous stage, so it exists if and only if that commits; any runner may take it, one at a
 * time, and it survives restarts. A step that throws (database down) is retried by the task
 * runner; what a stage itself reports as an error goes through the route (reprocess).
 */
export function stepTask(engine: () => WorkflowEngine): TaskDefinition<typeof stepSchema> {
  return defineTask({
    name: stepTaskName,
    schema: stepSchema,
    maxAttempts: 10,
    backoff: { baseSeconds: 5, maxSeconds: 600 },
    run: (step) => engine().runStep(step),
  })
}

/** Schedules steps on the platform's task queue. */
export function taskStepScheduler(queue: TaskQueue): StepScheduler {
  return {
    async schedule(trx, step: StepRef) {
      await queue.enqueue(stepTaskName, step, {
        trx,
        dedupeKey: `${step.workflowInstanceId}:${step.afterTrnId ?? 'start'}`,
      })
    },
  }
}
