import type { LiveScope, LiveSnapshot } from './live-snapshot.js'

/** Receives snapshots; it must not throw (a throwing listener is dropped). */
export type SnapshotListener = (snapshot: LiveSnapshot) => void

/**
 * Pushes fresh snapshots to listeners after changes, at most one per `intervalMs`: the first
 * change after a quiet period goes out at once (low lag), a burst is coalesced into one push
 * at the end of the interval. One snapshot is computed per distinct scope.
 */
export class SnapshotPublisher {
  readonly #listeners = new Map<SnapshotListener, LiveScope>()
  #timer: NodeJS.Timeout | undefined
  #lastPush = 0
  #closed = false

  constructor(
    private readonly take: (scope: LiveScope) => LiveSnapshot,
    private readonly intervalMs: number,
  ) {}

  /** Listeners now connected. */
  get size(): number {
    return this.#listeners.size
  }

  add(listener: SnapshotListener, scope: LiveScope): () => void {
    this.#listeners.set(listener, scope)
    return () => void this.#listeners.delete(listener)
  }

  changed(): void {
    if (this.#closed || this.#timer || this.#listeners.size === 0) return
    const wait = Math.max(0, this.#lastPush + this.intervalMs - Date.now())
    this.#timer = setTimeout(() => this.#push(), wait)
  }

  close(): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#listeners.clear()
  }

  #push(): void {
    this.#timer = undefined
    this.#lastPush = Date.now()
    const byScope = new Map<string, LiveSnapshot>()
    for (const [listener, scope] of this.#listeners) {
      const key = scope.centers === 'all' ? '*' : [...scope.centers].sort().join(',')
      let snapshot = byScope.get(key)
      if (!snapshot) {
        snapshot = this.take(scope)
        byScope.set(key, snapshot)
      }
      try {
        listener(snapshot)
      } catch {
        this.#listeners.delete(listener)
      }
    }
  }
}
