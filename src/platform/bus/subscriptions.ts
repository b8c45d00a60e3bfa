import { busErrors } from './errors.js'
import type { Subscription } from './event-bus.js'
import { StopSignal } from './stop-signal.js'

interface Running {
  readonly stop: StopSignal
  readonly done: Promise<void>
}

/** A bus's running consumers: one per consumer name, each stopped on its own or all at once. */
export class Subscriptions {
  readonly #running = new Map<string, Running>()

  /** How many consumers run on this bus now. */
  get size(): number {
    return this.#running.size
  }

  /** Throws MOS-BUS-004 if `consumer` already runs on this bus. */
  reserve(consumer: string): void {
    if (this.#running.has(consumer)) throw busErrors.consumerInUse(consumer)
  }

  start(consumer: string, run: (stop: StopSignal) => Promise<void>): Subscription {
    this.reserve(consumer)
    const stop = new StopSignal()
    const done = run(stop).finally(() => {
      if (this.#running.get(consumer)?.stop === stop) this.#running.delete(consumer)
    })
    this.#running.set(consumer, { stop, done })
    return {
      consumer,
      close: async () => {
        stop.request('subscription closed')
        await done
      },
    }
  }

  /** Stops every consumer; waits for them unless forced (a forced stop abandons in-flight work). */
  async stopAll(force: boolean): Promise<void> {
    const running = [...this.#running.values()]
    for (const { stop } of running) stop.request('bus closed', force)
    if (!force) await Promise.all(running.map(({ done }) => done))
  }
}

/** A bus's background worker under a lease: the outbox purge, or the JetStream relay. */
export interface Background {
  readonly stop: StopSignal
  readonly done: Promise<void>
}

/**
 * Shuts a bus down: its consumers and its background worker stop (and are waited for unless
 * forced), then it stops listening for NOTIFY.
 */
export async function stopBus(
  subscriptions: Subscriptions,
  background: Background,
  unlisten: () => Promise<void>,
  force: boolean,
): Promise<void> {
  background.stop.request('bus closed', force)
  await subscriptions.stopAll(force)
  if (!force) await background.done
  await unlisten()
}
