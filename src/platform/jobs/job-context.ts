/** What a running job or task is given. */
export interface JobContext {
  /** Aborted when the runner stops or loses the lease; stop early and leave work resumable. */
  readonly signal: AbortSignal
  /** 1 for the first attempt; a task's retries and a periodic run resumed after a crash count up. */
  readonly attempt: number
  /** When this run was due (a periodic job's slot, a task's run_at). */
  readonly scheduledAt: Date
  /**
   * Records progress for the admin page. Writes are throttled; the last value is always saved
   * when the run ends. `total` is null when unknown. Never fails the run.
   */
  progress(done: number, total?: number | null, note?: string): Promise<void>
}

/** Progress as persisted with a job or task. */
export interface Progress {
  readonly done: number
  readonly total: number | null
  readonly note: string | null
}

/** Minimal structured logger (pino's shape), so the scheduler needs no telemetry module. */
export interface JobsLogger {
  info(object: Record<string, unknown>, message: string): void
  warn(object: Record<string, unknown>, message: string): void
  error(object: Record<string, unknown>, message: string): void
}

/** The logger used when none is given. */
export const silentLogger: JobsLogger = { info() {}, warn() {}, error() {} }
