import type { z } from 'zod'
import type { JobContext } from './job-context.js'

/** Retry delays: attempt n waits about base·2^(n-1) seconds, at most `maxSeconds`. */
export interface Backoff {
  readonly baseSeconds: number
  readonly maxSeconds: number
}

/** A kind of one-off task: its payload schema and its handler. */
export interface TaskDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string
  /** Checked when enqueued through the definition and again before `run` (the handler boundary). */
  readonly schema: S
  run(payload: z.output<S>, ctx: JobContext): Promise<void>
  /** Attempts before the task is dead, unless the enqueue says otherwise (default 5). */
  readonly maxAttempts?: number
  /** Default: 5 s doubling to 1 h. */
  readonly backoff?: Backoff
}

/** Defines a task type; the payload type of `run` and `enqueue` follows from the schema. */
export function defineTask<S extends z.ZodType>(definition: TaskDefinition<S>): TaskDefinition<S> {
  return definition
}

export const defaultBackoff: Backoff = { baseSeconds: 5, maxSeconds: 3600 }
export const defaultMaxAttempts = 5

/** Seconds to wait after failed attempt `attempt` (1-based), with jitter so retries spread out. */
export function backoffSeconds(backoff: Backoff, attempt: number): number {
  const exponential = Math.min(
    backoff.maxSeconds,
    backoff.baseSeconds * 2 ** Math.max(0, attempt - 1),
  )
  return exponential / 2 + (Math.random() * exponential) / 2
}
