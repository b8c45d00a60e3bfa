import { z } from 'zod'
import type { Database } from '../db/index.js'
import type { JobsLogger } from './job-context.js'
import type { PeriodicJob } from './periodic-job.js'
import type { TaskDefinition } from './task-definition.js'

/** How a runner is set up; only `database` is required. */
export interface JobRunnerOptions {
  /** The database (migrated with `jobsHistory`); `listen` wakes the runner on enqueue. */
  readonly database: Pick<Database, 'db' | 'listen'>
  readonly jobs?: readonly PeriodicJob[]
  readonly tasks?: readonly TaskDefinition[]
  /** Identifies this runner in leases (default host/pid/random). */
  readonly owner?: string
  /** Longest wait between looks for due work when no notification comes (default 5000). */
  readonly pollIntervalMs?: number
  /** A claim lapses this long after the last heartbeat; heartbeats come every third of it (default 60). */
  readonly leaseSeconds?: number
  /** Jobs and tasks this runner runs at once (default 4). */
  readonly concurrency?: number
  /** Least time between two progress writes of one run (default 1000). */
  readonly progressIntervalMs?: number
  /** How long `stop` waits for running work before leaving its leases to lapse (default 30000). */
  readonly stopTimeoutMs?: number
  readonly logger?: JobsLogger
}

export const runnerSettingsSchema = z.object({
  pollIntervalMs: z.number().int().min(10).default(5000),
  leaseSeconds: z.number().min(0.3).default(60),
  concurrency: z.number().int().min(1).max(256).default(4),
  progressIntervalMs: z.number().int().min(0).default(1000),
  stopTimeoutMs: z.number().int().min(0).default(30_000),
})

export type RunnerSettings = z.output<typeof runnerSettingsSchema>
