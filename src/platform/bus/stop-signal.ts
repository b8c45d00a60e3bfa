/**
 * A one-way "please stop" shared by a bus, its runners and their sessions. Waits made through
 * it end early when stop is requested, so nothing sleeps through a shutdown.
 */
export class StopSignal {
  #reason: string | undefined
  #force = false
  #onStop: Array<() => void> = []

  get requested(): boolean {
    return this.#reason !== undefined
  }

  /** Set by a forced close: skip every write that a graceful stop would make. */
  get force(): boolean {
    return this.#force
  }

  get reason(): string | undefined {
    return this.#reason
  }

  request(reason: string, force = false): void {
    if (force) this.#force = true
    if (this.#reason !== undefined) return
    this.#reason = reason
    for (const listener of this.#onStop.splice(0)) listener()
  }

  /** Calls `listener` once when stop is requested (at once if it already was). */
  onStop(listener: () => void): () => void {
    if (this.requested) {
      listener()
      return () => {}
    }
    this.#onStop.push(listener)
    return () => {
      this.#onStop = this.#onStop.filter((other) => other !== listener)
    }
  }

  /** Resolves after `ms`, or as soon as stop is requested. */
  wait(ms: number): Promise<void> {
    if (this.requested) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        off()
        resolve()
      }
      const timer = setTimeout(done, ms)
      const off = this.onStop(done)
    })
  }

  /** A signal that stops when this one does, and can also be stopped on its own. */
  child(): StopSignal {
    const child = new StopSignal()
    const off = this.onStop(() => child.request(this.#reason ?? 'stopped', this.#force))
    child.onStop(off)
    return child
  }
}

/**
 * Wakes a waiting loop when something happened (a NOTIFY). A wake-up that arrives while
 * nobody waits is remembered, so a loop that checks and then waits never misses one.
 */
export class Wakeup {
  #pending = false
  #waiters: Array<() => void> = []

  notify(): void {
    if (this.#waiters.length === 0) this.#pending = true
    for (const waiter of this.#waiters.splice(0)) waiter()
  }

  /** Resolves on the next notify, after `ms`, or when `stop` is requested. */
  wait(ms: number, stop: StopSignal): Promise<void> {
    if (this.#pending || stop.requested) {
      this.#pending = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        off()
        this.#waiters = this.#waiters.filter((waiter) => waiter !== done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      const off = stop.onStop(done)
      this.#waiters.push(done)
    })
  }
}
