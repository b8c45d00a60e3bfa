import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { jobErrors } from './errors.js'
import { type JobsLogger, silentLogger } from './job-context.js'
import { jobNameSchema } from './job-name.js'
import {
  type JobRunnerOptions,
  type RunnerSettings,
  runnerSettingsSchema,
} from './job-runner.options.js'
import type { JobsDb } from './jobs-db.js'
import type { JobsTables } from './jobs.tables.js'
import { type CheckedPeriodicJob, checkPeriodicJob } from './periodic-job.js'
import { type LeasedWork, LeaseKeeper } from './lease-keeper.js'
import {
  claimPeriodicJob,
  msUntilNextPeriodic,
  syncPeriodicJobs,
} from './periodic-job.repository.js'
import { type RunEnvironment, runPeriodicClaim, runTaskClaim } from './run-claimed.js'
import { describeIssues } from '../errors.js'
import type { TaskDefinition } from './task-definition.js'
import { jobsChannel, createTaskQueue, type TaskQueue } from './task-queue.js'
import { claimTask, msUntilNextTask, recoverExpiredTasks } from './task.repository.js'

/** Runs periodic jobs and tasks; any number of runners may share one database. */
export interface JobRunner extends TaskQueue {
  /** This runner's name in leases. */
  readonly owner: string
  /** Records the jobs' schedules, subscribes to enqueue notifications and starts working. */
  start(): Promise<void>
  /** Stops claiming, aborts running work's signals and waits for it (up to `stopTimeoutMs`). */
  stop(): Promise<void>
}

/** Creates a runner; nothing happens until `start`. Throws MOS-JOB-001 on a bad definition. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  return new DatabaseJobRunner(options)
}

class DatabaseJobRunner implements JobRunner {
  readonly owner: string
  readonly enqueue: TaskQueue['enqueue']
  readonly #options: JobRunnerOptions
  readonly #db: JobsDb
  readonly #settings: RunnerSettings
  readonly #logger: JobsLogger
  readonly #periodic = new Map<string, CheckedPeriodicJob>()
  readonly #tasks = new Map<string, TaskDefinition>()
  readonly #running = new Map<string, LeasedWork>()
  readonly #done = new Set<Promise<void>>()
  readonly #env: RunEnvironment
  #state: 'new' | 'starting' | 'running' | 'stopping' | 'stopped' = 'new'
  #loop: Promise<void> = Promise.resolve()
  #stopped: Promise<void> | null = null
  #unlisten: (() => Promise<void>) | null = null
  readonly #leases: LeaseKeeper
  #clockOffset = 0
  #lastRecovery = 0
  #wakeRequested = false
  #wakeUp: (() => void) | null = null

  constructor(options: JobRunnerOptions) {
    const settings = runnerSettingsSchema.safeParse(options)
    if (!settings.success) throw jobErrors.invalidDefinition(describeIssues(settings.error))
    this.#settings = settings.data
    this.#options = options
    this.#logger = options.logger ?? silentLogger
    this.#db = options.database.db.withTables<JobsTables>()
    this.owner = options.owner ?? `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`
    this.enqueue = createTaskQueue(options.database.db).enqueue
    for (const job of options.jobs ?? []) {
      if (this.#periodic.has(job.name)) {
        throw jobErrors.invalidDefinition(`job ${job.name} registered twice`)
      }
      this.#periodic.set(job.name, checkPeriodicJob(job))
    }
    for (const task of options.tasks ?? []) {
      if (!jobNameSchema.safeParse(task.name).success || this.#tasks.has(task.name)) {
        throw jobErrors.invalidDefinition(
          `task name ${JSON.stringify(task.name)} is invalid or registered twice`,
        )
      }
      this.#tasks.set(task.name, task)
    }
    this.#leases = new LeaseKeeper(
      this.#db,
      this.owner,
      this.#settings.leaseSeconds,
      this.#logger,
      this.#running,
    )
    this.#env = {
      db: this.#db,
      owner: this.owner,
      progressIntervalMs: this.#settings.progressIntervalMs,
      logger: this.#logger,
      now: () => new Date(Date.now() + this.#clockOffset),
    }
  }

  async start(): Promise<void> {
    if (this.#state !== 'new') throw jobErrors.runnerState('start was already called')
    this.#state = 'starting'
    try {
      await syncPeriodicJobs(this.#db, [...this.#periodic.values()])
      this.#unlisten = await this.#options.database.listen(jobsChannel, () => this.#wake())
    } catch (error) {
      this.#state = 'stopped'
      throw error
    }
    if (this.#state !== 'starting') {
      // stop() was called while starting.
      await this.#unlisten?.().catch(() => {})
      return
    }
    this.#state = 'running'
    this.#leases.start()
    this.#loop = this.#runLoop()
  }

  stop(): Promise<void> {
    if (this.#state === 'new') this.#state = 'stopped'
    if (this.#state === 'stopped' && !this.#stopped) return Promise.resolve()
    this.#stopped ??= this.#stop()
    return this.#stopped
  }

  async #stop(): Promise<void> {
    this.#state = 'stopping'
    this.#wake()
    await this.#loop
    await this.#unlisten?.().catch(() => {})
    for (const entry of this.#running.values()) {
      entry.controller.abort(new Error('The job runner is stopping'))
    }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, this.#settings.stopTimeoutMs)),
    )
    await Promise.race([Promise.allSettled([...this.#done]), timeout])
    clearTimeout(timer)
    this.#leases.stop()
    if (this.#running.size > 0) {
      this.#logger.warn(
        { running: [...this.#running.keys()] },
        'stopped with work still running; its leases will lapse',
      )
    }
    this.#state = 'stopped'
  }

  async #runLoop(): Promise<void> {
    while (this.#state === 'running') {
      this.#wakeRequested = false
      let delay = this.#settings.pollIntervalMs
      try {
        await this.#recoverExpired()
        await this.#fill()
        if (this.#running.size < this.#settings.concurrency) {
          const due = await Promise.all([
            msUntilNextPeriodic(this.#db, [...this.#periodic.keys()]),
            msUntilNextTask(this.#db, [...this.#tasks.keys()]),
          ])
          // A few ms of slack so the database clock has passed the due time when we look again.
          for (const ms of due) if (ms !== null) delay = Math.min(delay, Math.max(25, ms + 5))
        }
      } catch (error) {
        this.#logger.error(
          { err: (error as Error).message },
          'job runner could not reach the database',
        )
      }
      await this.#sleep(delay)
    }
  }

  /** Claims due work until the runner is busy or nothing is due. */
  async #fill(): Promise<void> {
    while (this.#state === 'running' && this.#running.size < this.#settings.concurrency) {
      const free = [...this.#periodic.keys()].filter((name) => !this.#running.has(`p:${name}`))
      const periodic = await claimPeriodicJob(
        this.#db,
        free,
        this.owner,
        this.#settings.leaseSeconds,
      )
      if (periodic) {
        this.#clockOffset = periodic.dbNow.getTime() - Date.now()
        const checked = this.#periodic.get(periodic.row.name)
        if (checked) {
          this.#launch('periodic', periodic.row.name, 0, (signal) =>
            runPeriodicClaim(this.#env, checked, periodic, signal),
          )
        }
        continue
      }
      const mine = [...this.#running.values()].filter((r) => r.kind === 'task').map((r) => r.id)
      const task = await claimTask(
        this.#db,
        [...this.#tasks.keys()],
        this.owner,
        this.#settings.leaseSeconds,
        mine,
      )
      if (task) {
        this.#clockOffset = task.dbNow.getTime() - Date.now()
        const definition = this.#tasks.get(task.row.name)
        if (definition) {
          this.#launch('task', task.row.name, task.row.id, (signal) =>
            runTaskClaim(this.#env, definition, task, signal),
          )
        }
        continue
      }
      return
    }
  }

  #launch(
    kind: LeasedWork['kind'],
    name: string,
    id: number,
    work: (signal: AbortSignal) => Promise<void>,
  ): void {
    const key = kind === 'periodic' ? `p:${name}` : `t:${id}`
    const entry: LeasedWork = { key, kind, name, id, controller: new AbortController() }
    this.#running.set(key, entry)
    const done: Promise<void> = work(entry.controller.signal)
      .catch((error: unknown) =>
        this.#logger.error(
          { [kind]: name, err: (error as Error).message },
          'could not record the outcome of a run',
        ),
      )
      .finally(() => {
        this.#running.delete(key)
        this.#done.delete(done)
        this.#wake()
      })
    this.#done.add(done)
  }

  async #recoverExpired(): Promise<void> {
    const every = Math.min(this.#settings.pollIntervalMs, this.#settings.leaseSeconds * 1000)
    if (this.#tasks.size === 0 || Date.now() - this.#lastRecovery < every) return
    this.#lastRecovery = Date.now()
    const recovered = await recoverExpiredTasks(this.#db)
    if (recovered > 0) {
      this.#logger.warn({ recovered }, 'recovered tasks whose runner stopped heartbeating')
    }
  }

  #wake(): void {
    this.#wakeRequested = true
    this.#wakeUp?.()
  }

  async #sleep(ms: number): Promise<void> {
    if (this.#wakeRequested || this.#state !== 'running') return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      this.#wakeUp = done
      function done() {
        clearTimeout(timer)
        resolve()
      }
    })
    this.#wakeUp = null
  }
}
