import type { NotifyService } from './notify.service.js'

/**
 * A periodic job in the shape the jobs runner takes (`{name, every, run}`), declared here so
 * that notify does not depend on the runner.
 */
export interface NotifyJob {
  readonly name: string
  /** Seconds between runs. */
  readonly every: number
  run(context?: { readonly signal?: AbortSignal }): Promise<void>
}

export interface NotifyJobsOptions {
  /** How often queued messages are retried; default 30 s (the first backoff step). */
  readonly retryEverySeconds?: number
  /** Days sent, failed and held messages are kept; default 30. */
  readonly retentionDays?: number
  readonly now?: () => Date
}

/**
 * The jobs notify needs: `notify.retry` sweeps due messages (in batches, until none are left
 * or the runner aborts), `notify.purge` deletes messages past retention once an hour.
 *
 * @example
 * for (const job of notifyJobs(notify)) runner.register(job)
 */
export function notifyJobs(notify: NotifyService, options: NotifyJobsOptions = {}): NotifyJob[] {
  const now = options.now ?? (() => new Date())
  const batch = 100
  return [
    {
      name: 'notify.retry',
      every: options.retryEverySeconds ?? 30,
      async run(context) {
        while (!context?.signal?.aborted) {
          const report = await notify.retryDue({ limit: batch })
          if (report.attempted < batch) break
        }
      },
    },
    {
      name: 'notify.purge',
      every: 3600,
      async run() {
        const days = options.retentionDays ?? 30
        await notify.purge(new Date(now().getTime() - days * 86_400_000))
      },
    },
  ]
}
