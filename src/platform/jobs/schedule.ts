import { Cron } from 'croner'
import { jobErrors } from './errors.js'

/** When a periodic job runs: every N seconds, or on a cron expression (UTC). */
export type Schedule =
  | { readonly kind: 'every'; readonly seconds: number }
  | { readonly kind: 'cron'; readonly expression: string }

/** Builds and checks a schedule from a job's `every` or `cron`. */
export function scheduleOf(spec: { every?: number; cron?: string }): Schedule {
  if ((spec.every === undefined) === (spec.cron === undefined)) {
    throw jobErrors.invalidDefinition('give exactly one of every (seconds) or cron')
  }
  if (spec.every !== undefined) {
    if (!Number.isFinite(spec.every) || spec.every < 0.1) {
      throw jobErrors.invalidDefinition('every must be at least 0.1 seconds')
    }
    return { kind: 'every', seconds: spec.every }
  }
  const expression = (spec.cron ?? '').trim().replace(/\s+/g, ' ')
  try {
    cronOf(expression).nextRun()
  } catch (error) {
    throw jobErrors.invalidDefinition(
      `cron ${JSON.stringify(expression)}: ${(error as Error).message}`,
    )
  }
  return { kind: 'cron', expression }
}

/** The text stored in jobs.periodic.schedule; a change in it means the schedule changed. */
export function describeSchedule(schedule: Schedule): string {
  return schedule.kind === 'every' ? `every ${schedule.seconds}s` : `cron ${schedule.expression}`
}

/** When a job that has never run is first due: now for `every`, the next match for `cron`. */
export function firstRunAt(schedule: Schedule, now: Date): Date {
  return schedule.kind === 'every' ? now : nextCronRun(schedule.expression, now)
}

/**
 * The next run after a run scheduled for `scheduledAt`, never in the past: periods missed while
 * nothing ran are skipped, so a job catches up with one run, not one per missed period. `every`
 * keeps its phase (runs stay on scheduledAt + k·period).
 */
export function nextRunAt(schedule: Schedule, scheduledAt: Date, now: Date): Date {
  if (schedule.kind === 'cron') {
    return nextCronRun(schedule.expression, scheduledAt > now ? scheduledAt : now)
  }
  const period = schedule.seconds * 1000
  const next = scheduledAt.getTime() + period
  if (next > now.getTime()) return new Date(next)
  const skipped = Math.floor((now.getTime() - scheduledAt.getTime()) / period) + 1
  return new Date(scheduledAt.getTime() + skipped * period)
}

/** When a job whose schedule just changed is next due. */
export function rescheduledRunAt(schedule: Schedule, lastStartedAt: Date | null, now: Date): Date {
  if (schedule.kind === 'cron') return nextCronRun(schedule.expression, now)
  if (!lastStartedAt) return now
  const next = lastStartedAt.getTime() + schedule.seconds * 1000
  return new Date(Math.max(next, now.getTime()))
}

function nextCronRun(expression: string, after: Date): Date {
  const next = cronOf(expression).nextRun(after)
  if (!next) {
    throw jobErrors.invalidDefinition(`cron ${JSON.stringify(expression)} never fires again`)
  }
  return next
}

// Without a callback croner only computes dates; it starts no timer.
function cronOf(expression: string): Cron {
  return new Cron(expression, { timezone: 'UTC' })
}
