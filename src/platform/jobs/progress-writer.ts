import type { JobsLogger, Progress } from './job-context.js'

/** Progress as the columns of jobs.periodic and jobs.task. */
export function progressColumns(progress: Progress) {
  return {
    progress_done: progress.done,
    progress_total: progress.total,
    progress_note: progress.note,
  }
}

/**
 * Throttles a run's progress reports to one write per interval. The latest value is kept, and
 * `latest()` hands it to the final update of the run, so the last report is never lost.
 */
export class ProgressWriter {
  #latest: Progress | null = null
  #unwritten = false
  #lastWrite = 0
  #timer: NodeJS.Timeout | undefined
  #chain: Promise<void> = Promise.resolve()
  #closed = false

  constructor(
    private readonly write: (progress: Progress) => Promise<void>,
    private readonly intervalMs: number,
    private readonly logger: JobsLogger,
  ) {}

  report(done: number, total?: number | null, note?: string): Promise<void> {
    if (this.#closed || !Number.isFinite(done) || (total != null && !Number.isFinite(total))) {
      return Promise.resolve()
    }
    this.#latest = {
      done,
      total: total ?? null,
      note: note === undefined ? null : note.slice(0, 500),
    }
    this.#unwritten = true
    const wait = this.#lastWrite + this.intervalMs - Date.now()
    if (wait <= 0) return this.#flush()
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined
      void this.#flush()
    }, wait)
    return Promise.resolve()
  }

  /** Stops writing and returns the last reported value, for the run's final update. */
  async close(): Promise<Progress | null> {
    this.#closed = true
    clearTimeout(this.#timer)
    await this.#chain
    return this.#latest
  }

  #flush(): Promise<void> {
    if (!this.#unwritten || !this.#latest || this.#closed) return this.#chain
    const progress = this.#latest
    this.#unwritten = false
    this.#lastWrite = Date.now()
    this.#chain = this.#chain
      .then(() => this.write(progress))
      .catch((error: unknown) =>
        this.logger.warn({ err: (error as Error).message }, 'could not save job progress'),
      )
    return this.#chain
  }
}
