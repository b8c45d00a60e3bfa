import type { LiveSnapshot } from './live-snapshot.js'

/** Minutes of authentication activity the live stream shows. */
export const authWindowMinutes = 60
const minuteMs = 60_000

/** One authentication attempt: its transaction id, when it was requested, and the outcome. */
export interface AuthAttemptFact {
  readonly id: string
  readonly requestedAt: Date
  readonly success: boolean
}

interface Bucket {
  success: number
  failure: number
}

/**
 * Authentication attempts per minute over the last hour. Attempts are remembered by id for as
 * long as their minute is in the window, so an event delivered again (at least once), or one
 * already counted by the recount at start, is not counted twice.
 */
export class AuthWindow {
  readonly #buckets = new Map<number, Bucket>()
  readonly #seen = new Map<string, number>()

  /** Counts an attempt; false when it was already counted or is older than the window. */
  add(attempt: AuthAttemptFact, now: Date): boolean {
    const minute = minuteOf(attempt.requestedAt)
    if (minute < windowStart(now) || this.#seen.has(attempt.id)) return false
    this.#seen.set(attempt.id, minute)
    const bucket = this.#buckets.get(minute) ?? { success: 0, failure: 0 }
    if (attempt.success) bucket.success++
    else bucket.failure++
    this.#buckets.set(minute, bucket)
    return true
  }

  /** Replaces the window with a recount; returns the drift corrected (attempts). */
  replaceAll(attempts: readonly AuthAttemptFact[], now: Date): number {
    this.prune(now)
    const before = new Map([...this.#buckets].map(([minute, b]) => [minute, { ...b }]))
    this.#buckets.clear()
    this.#seen.clear()
    for (const attempt of attempts) this.add(attempt, now)
    let drift = 0
    for (const minute of new Set([...before.keys(), ...this.#buckets.keys()])) {
      const a = before.get(minute) ?? { success: 0, failure: 0 }
      const b = this.#buckets.get(minute) ?? { success: 0, failure: 0 }
      drift += Math.abs(a.success - b.success) + Math.abs(a.failure - b.failure)
    }
    return drift
  }

  /** Forgets minutes that left the window; true when some did. */
  prune(now: Date): boolean {
    const start = windowStart(now)
    let pruned = false
    for (const minute of this.#buckets.keys()) {
      if (minute < start) {
        this.#buckets.delete(minute)
        pruned = true
      }
    }
    for (const [id, minute] of this.#seen) if (minute < start) this.#seen.delete(id)
    return pruned
  }

  /** The last `authWindowMinutes` minutes, oldest first, every minute present. */
  view(now: Date): LiveSnapshot['authentications'] {
    const start = windowStart(now)
    const perMinute: LiveSnapshot['authentications']['perMinute'] = []
    let success = 0
    let failure = 0
    for (let i = 0; i < authWindowMinutes; i++) {
      const minute = start + i * minuteMs
      const bucket = this.#buckets.get(minute) ?? { success: 0, failure: 0 }
      success += bucket.success
      failure += bucket.failure
      perMinute.push({ minute: new Date(minute).toISOString(), ...bucket })
    }
    return { success, failure, perMinute }
  }
}

/** The first instant counted: the start of the minute 59 minutes before now's. */
export function windowStart(now: Date): number {
  return minuteOf(now) - (authWindowMinutes - 1) * minuteMs
}

function minuteOf(at: Date): number {
  return Math.floor(at.getTime() / minuteMs) * minuteMs
}
