import { inScope, type LiveScope, type RecentActivity } from './live-snapshot.js'

/** The last `limit` events, newest first; an event delivered again is kept once (by id). */
export class RecentActivityLog {
  readonly #entries: { id: string; activity: RecentActivity }[] = []

  constructor(private readonly limit: number) {}

  add(id: string, activity: RecentActivity): boolean {
    if (this.#entries.some((entry) => entry.id === id)) return false
    this.#entries.unshift({ id, activity })
    if (this.#entries.length > this.limit) this.#entries.length = this.limit
    return true
  }

  /** Entries about the scope's centers (authentications belong to no center: always shown). */
  view(scope: LiveScope): RecentActivity[] {
    return this.#entries
      .filter((entry) => inScope(scope, entry.activity.center))
      .map((entry) => ({ ...entry.activity }))
  }
}
