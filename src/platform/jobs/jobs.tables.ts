import type { Generated, Selectable } from 'kysely'

/** Status of a periodic job's latest run. */
export type PeriodicJobStatus = 'idle' | 'running' | 'succeeded' | 'failed' | 'interrupted'

/** Status of a one-off task. A failed attempt with attempts left goes back to `queued`. */
export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'dead'

/** jobs.periodic: one row per periodic job name, its schedule and the state of its runs. */
export interface PeriodicJobTable {
  name: string
  /** `every <seconds>s` or `cron <expression>`, as written by the code that registers it. */
  schedule: string
  next_run_at: Date
  status: PeriodicJobStatus
  /** 1 for a run on schedule; +1 for each run that resumes one that did not finish. */
  attempt: number
  run_count: number
  last_started_at: Date | null
  last_finished_at: Date | null
  last_error: string | null
  lease_owner: string | null
  lease_until: Date | null
  progress_done: number | null
  progress_total: number | null
  progress_note: string | null
  updated_at: Date
}

/** jobs.task: one row per enqueued task. */
export interface TaskTable {
  id: Generated<number>
  name: string
  /** JSON text on insert, parsed JSON on select. */
  payload: unknown
  status: TaskStatus
  run_at: Date
  attempts: number
  max_attempts: number
  dedupe_key: string | null
  last_error: string | null
  lease_owner: string | null
  lease_until: Date | null
  progress_done: number | null
  progress_total: number | null
  progress_note: string | null
  created_at: Date
  started_at: Date | null
  finished_at: Date | null
}

export type PeriodicJobRow = Selectable<PeriodicJobTable>
export type TaskRow = Selectable<TaskTable>

/** Tables of the `jobs` schema. */
export type JobsTables = {
  'jobs.periodic': PeriodicJobTable
  'jobs.task': TaskTable
}
