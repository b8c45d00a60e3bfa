import { Counter, type Registry } from 'prom-client'
import type { CloudEvent, EventBus, Subscription } from '../../platform/bus/index.js'
import type { Db } from '../../platform/db/index.js'
import type { Logger } from '../../platform/telemetry/index.js'
import { authTransactionTopic, stageTopic, workflowCompletedTopic } from '../../identity/index.js'
import { AuthWindow } from './auth-window.js'
import { liveErrors } from './live-errors.js'
import { authTransactionSchema, stageEventSchema, workflowCompletedSchema } from './live-events.js'
import { loadAuthAttempts, loadRegistrationFact, loadRegistrationFacts } from './live-queries.js'
import { allCenters, type LiveScope, type LiveSnapshot, utcDay } from './live-snapshot.js'
import { RecentActivityLog } from './recent-activity.js'
import { RegistrationCounters } from './registration-counters.js'
import { SnapshotPublisher, type SnapshotListener } from './snapshot-publisher.js'

/** Options of `LiveStream.start`. */
export interface LiveStreamOptions {
  readonly db: Db
  readonly bus: EventBus
  readonly logger: Logger
  /** Where the drift counter is registered; none in tests that do not look. */
  readonly metrics?: { readonly registry: Registry }
  /** Bus consumer name; one per process that serves the stream (default `reporting-live`). */
  readonly consumer?: string
  /** The clock "today" and the authentication window follow (tests move it). */
  readonly now?: () => Date
  /** Recount from the database this often (default 5 min); 0 turns it off. */
  readonly reconcileIntervalMs?: number
  /** Listeners get at most one snapshot per this interval (default 250 ms). */
  readonly pushIntervalMs?: number
  /** Recent events kept (default 50). */
  readonly recentLimit?: number
  /** How often the clock is checked for a new day and minute (default 1 s). */
  readonly tickMs?: number
  /**
   * Events published this long before the start's recount are already in it: skipped without a
   * lookup, so a consumer that was away replays its backlog quickly (default 5 min).
   */
  readonly replayMarginMs?: number
}

const driftMetric = 'mosaic_reporting_live_drift_total'

/**
 * Live counters of today's registrations, those in flight and authentications per minute.
 * Starts from a recount in the database, then follows the bus; every event about a
 * registration re-reads its row (the truth), so redelivered, replayed or reordered events
 * leave the counts right. A periodic recount corrects what no event announced.
 */
export class LiveStream {
  readonly #registrations: RegistrationCounters
  readonly #auth = new AuthWindow()
  readonly #recent: RecentActivityLog
  readonly #publisher: SnapshotPublisher
  readonly #timers: NodeJS.Timeout[] = []
  readonly #drift: Counter<'part'> | undefined
  #subscription: Subscription | undefined
  /** Event handling and recounts run one at a time, so a recount never hides a newer event. */
  #queue: Promise<unknown> = Promise.resolve()
  #minute = 0
  #skipBefore = 0
  #closed = false

  private constructor(private readonly options: LiveStreamOptions & { now: () => Date }) {
    this.#registrations = new RegistrationCounters(utcDay(options.now()))
    this.#recent = new RecentActivityLog(options.recentLimit ?? 50)
    this.#publisher = new SnapshotPublisher(
      (scope) => this.snapshot(scope),
      options.pushIntervalMs ?? 250,
    )
    this.#drift = options.metrics ? driftCounter(options.metrics.registry) : undefined
  }

  /** Recounts from the database, then follows the bus from the consumer's position. */
  static async start(options: LiveStreamOptions): Promise<LiveStream> {
    const reconcileMs = options.reconcileIntervalMs ?? 300_000
    if (!Number.isInteger(reconcileMs) || reconcileMs < 0)
      throw liveErrors.invalidOptions('reconcileIntervalMs must be a whole number ≥ 0')
    const live = new LiveStream({ ...options, now: options.now ?? (() => new Date()) })
    // Event times are the publishers' wall clock, so the replay cut-off is too.
    live.#skipBefore = Date.now() - (options.replayMarginMs ?? 300_000)
    await live.reconcile()
    live.#subscription = await options.bus.subscribe({
      consumer: options.consumer ?? 'reporting-live',
      topics: [stageTopic, workflowCompletedTopic, authTransactionTopic],
      handler: (event, delivery) => live.#serial(() => live.#onEvent(event, delivery.topic)),
    })
    const tick = setInterval(() => live.#tick(), options.tickMs ?? 1000)
    tick.unref()
    live.#timers.push(tick)
    if (reconcileMs > 0) {
      const timer = setInterval(() => void live.#reconcileInBackground(), reconcileMs)
      timer.unref()
      live.#timers.push(timer)
    }
    return live
  }

  /** The current counts for `scope`'s centers. */
  snapshot(scope: LiveScope = allCenters): LiveSnapshot {
    const now = this.options.now()
    this.#roll(now)
    return {
      at: now.toISOString(),
      day: this.#registrations.day,
      ...this.#registrations.view(scope),
      authentications: this.#auth.view(now),
      recent: this.#recent.view(scope),
    }
  }

  /** Calls `listener` with a fresh snapshot after changes (coalesced); returns unsubscribe. */
  subscribe(listener: SnapshotListener, scope: LiveScope = allCenters): () => void {
    if (this.#closed) throw liveErrors.closed()
    return this.#publisher.add(listener, scope)
  }

  /** Listeners now subscribed (open dashboards). */
  get subscribers(): number {
    return this.#publisher.size
  }

  /** Recounts everything from the database; returns the drift it corrected (counts moved). */
  async reconcile(): Promise<number> {
    return this.#serial(async () => {
      const now = this.options.now()
      const day = utcDay(now)
      const facts = await loadRegistrationFacts(this.options.db, day)
      const attempts = await loadAuthAttempts(this.options.db, now)
      const registrations = this.#registrations.replaceAll(facts, day)
      const auth = this.#auth.replaceAll(attempts, now)
      this.#drift?.inc({ part: 'registrations' }, registrations)
      this.#drift?.inc({ part: 'authentications' }, auth)
      if (registrations + auth > 0) {
        this.options.logger.info(
          { component: 'reporting-live', registrations, authentications: auth },
          'live counters corrected by a recount',
        )
        this.#publisher.changed()
      }
      return registrations + auth
    })
  }

  /** Stops following the bus and pushing snapshots. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const timer of this.#timers) clearInterval(timer)
    this.#publisher.close()
    await this.#subscription?.close()
    await this.#queue
  }

  async #onEvent(event: CloudEvent<unknown>, topic: string): Promise<void> {
    if (this.#closed) return
    // Attempts are deduplicated by id and aged out by the window, so none is skipped here.
    if (topic === authTransactionTopic) return this.#onAuth(event)
    const publishedAt = Date.parse(event.time ?? '')
    if (Number.isFinite(publishedAt) && publishedAt < this.#skipBefore) return
    const workflowId = this.#workflowOf(event, topic)
    if (workflowId === null) return
    const fact = await loadRegistrationFact(this.options.db, workflowId)
    let changed = this.#registrations.set(workflowId, fact)
    const activity = this.#activityOf(event, topic, fact?.center ?? null)
    if (activity) changed = this.#recent.add(event.id, activity) || changed
    if (changed) this.#publisher.changed()
  }

  #onAuth(event: CloudEvent<unknown>): void {
    const data = authTransactionSchema.safeParse(event.data)
    if (!data.success) return this.#skipInvalid(event)
    const requestedAt = new Date(data.data.requestedAt)
    const success = data.data.status === 'Y'
    const now = this.options.now()
    if (!this.#auth.add({ id: data.data.transactionId, requestedAt, success }, now)) return
    this.#recent.add(event.id, {
      at: requestedAt.toISOString(),
      kind: 'authentication',
      center: null,
      process: null,
      stage: null,
      status: success ? 'SUCCESS' : 'FAILURE',
    })
    this.#publisher.changed()
  }

  #workflowOf(event: CloudEvent<unknown>, topic: string): string | null {
    const schema = topic === stageTopic ? stageEventSchema : workflowCompletedSchema
    const data = schema.safeParse(event.data)
    if (!data.success) {
      this.#skipInvalid(event)
      return null
    }
    return 'workflowInstanceId' in data.data ? data.data.workflowInstanceId : data.data.instanceId
  }

  #activityOf(event: CloudEvent<unknown>, topic: string, center: string | null) {
    const at = event.time ?? this.options.now().toISOString()
    if (topic === stageTopic) {
      const data = stageEventSchema.parse(event.data)
      return {
        at,
        kind: 'stage' as const,
        center: data.rid.slice(0, 5),
        process: data.process,
        stage: data.stage,
        status: data.status,
      }
    }
    const data = workflowCompletedSchema.parse(event.data)
    return {
      at,
      kind: 'completed' as const,
      center,
      process: data.workflowType,
      stage: null,
      status: data.resultCode,
    }
  }

  /** A malformed event is logged (type and id only) and skipped: the live view must not stall. */
  #skipInvalid(event: CloudEvent<unknown>): void {
    this.options.logger.warn(
      { component: 'reporting-live', 'event.id': event.id, 'event.type': event.type },
      'live stream skipped an event whose data it cannot read',
    )
  }

  #tick(): void {
    if (this.#roll(this.options.now())) this.#publisher.changed()
  }

  /** Rolls the day over at midnight UTC and the authentication window every minute. */
  #roll(now: Date): boolean {
    let changed = false
    const day = utcDay(now)
    if (day !== this.#registrations.day) {
      this.#registrations.rollTo(day)
      changed = true
    }
    const minute = Math.floor(now.getTime() / 60_000)
    if (minute !== this.#minute) {
      this.#minute = minute
      this.#auth.prune(now)
      changed = true
    }
    return changed
  }

  async #reconcileInBackground(): Promise<void> {
    try {
      await this.reconcile()
    } catch (error) {
      this.options.logger.warn(
        { component: 'reporting-live', err: error },
        'live stream recount failed; counters keep following events',
      )
    }
  }

  #serial<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.#queue.then(work)
    this.#queue = next.catch(() => undefined)
    return next
  }
}

function driftCounter(registry: Registry): Counter<'part'> {
  const existing = registry.getSingleMetric(driftMetric)
  if (existing instanceof Counter) return existing as Counter<'part'>
  return new Counter({
    name: driftMetric,
    help: 'Counts the live stream corrected when recounting from the database, by part',
    labelNames: ['part'],
    registers: [registry],
  })
}
