import type { JobsLogger } from './job-context.js'
import type { JobsDb } from './jobs-db.js'
import { extendPeriodicLeases } from './periodic-job.repository.js'
import { extendTaskLeases } from './task.repository.js'

/** A job or task a runner is running under a lease. */
export interface LeasedWork {
  /** `p:<name>` or `t:<id>`. */
  readonly key: string
  readonly kind: 'periodic' | 'task'
  readonly name: string
  /** The task id; 0 for periodic jobs. */
  readonly id: number
  readonly controller: AbortController
}

/**
 * Heartbeats: extends the leases of running work every third of the lease. Work whose lease
 * another runner has taken, or that could not be extended for a whole lease, is aborted, so
 * two runners do not keep working on the same thing for long.
 */
export class LeaseKeeper {
  #timer: NodeJS.Timeout | undefined
  #beating = false
  #lastBeat = Date.now()

  constructor(
    private readonly db: JobsDb,
    private readonly owner: string,
    private readonly leaseSeconds: number,
    private readonly logger: JobsLogger,
    private readonly running: ReadonlyMap<string, LeasedWork>,
  ) {}

  start(): void {
    this.#lastBeat = Date.now()
    this.#timer = setInterval(() => void this.#beat(), (this.leaseSeconds * 1000) / 3)
  }

  stop(): void {
    clearInterval(this.#timer)
  }

  async #beat(): Promise<void> {
    if (this.#beating) return
    this.#beating = true
    const snapshot = [...this.running.values()]
    try {
      const periodic = snapshot.filter((w) => w.kind === 'periodic').map((w) => w.name)
      const tasks = snapshot.filter((w) => w.kind === 'task').map((w) => w.id)
      const [names, ids] = await Promise.all([
        extendPeriodicLeases(this.db, periodic, this.owner, this.leaseSeconds),
        extendTaskLeases(this.db, tasks, this.owner, this.leaseSeconds),
      ])
      const held = new Set([...names.map((n) => `p:${n}`), ...ids.map((i) => `t:${i}`)])
      for (const work of snapshot) {
        // Work that finished since the snapshot has given its lease up; leave it be.
        if (!held.has(work.key) && this.running.get(work.key) === work) {
          work.controller.abort(new Error('Lease lost'))
        }
      }
      this.#lastBeat = Date.now()
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not extend job leases')
      if (Date.now() - this.#lastBeat > this.leaseSeconds * 1000) {
        for (const work of snapshot) work.controller.abort(new Error('Lease lost'))
      }
    } finally {
      this.#beating = false
    }
  }
}
