import { finalStatuses, inScope, type LiveScope, type LiveSnapshot } from './live-snapshot.js'

/** What the live stream keeps of one registration: codes only. */
export interface RegistrationFact {
  readonly center: string
  readonly process: string
  readonly status: string
  readonly stage: string
  /** UTC day the packet was created (YYYY-MM-DD), null when unknown. */
  readonly packetDay: string | null
}

const separator = '\u0000'

/**
 * Today's registrations and those in flight, per workflow instance, with counters kept in step:
 * a workflow's change moves its count from the old bucket to the new one, so replaying an
 * event or re-reading a row never counts a registration twice.
 */
export class RegistrationCounters {
  readonly #facts = new Map<string, RegistrationFact>()
  /** center, process, status → count, for packets created on `#day`. */
  readonly #today = new Map<string, number>()
  /** center, stage → count, for registrations not in a final status. */
  readonly #inFlight = new Map<string, number>()
  #day: string

  constructor(day: string) {
    this.#day = day
  }

  get day(): string {
    return this.#day
  }

  /** Whether the workflow is tracked (today's or in flight). */
  knows(workflowInstanceId: string): boolean {
    return this.#facts.has(workflowInstanceId)
  }

  fact(workflowInstanceId: string): RegistrationFact | undefined {
    return this.#facts.get(workflowInstanceId)
  }

  /** Sets a workflow's current state (null: gone); true when a count changed. */
  set(workflowInstanceId: string, fact: RegistrationFact | null): boolean {
    const before = this.#facts.get(workflowInstanceId)
    if (before) this.#count(before, -1)
    const keep = fact !== null && this.#relevant(fact)
    if (keep) {
      this.#facts.set(workflowInstanceId, fact)
      this.#count(fact, 1)
    } else {
      this.#facts.delete(workflowInstanceId)
    }
    return !sameCounts(before, keep ? fact : null, this.#day)
  }

  /**
   * Replaces everything with a recount (start, reconcile); returns the drift corrected: the
   * sum over every bucket of |old − new|.
   */
  replaceAll(facts: ReadonlyMap<string, RegistrationFact>, day: string): number {
    const oldToday = new Map(this.#today)
    const oldInFlight = new Map(this.#inFlight)
    this.#reset(day)
    for (const [id, fact] of facts) this.set(id, fact)
    return drift(oldToday, this.#today) + drift(oldInFlight, this.#inFlight)
  }

  /** Moves "today" to `day`: yesterday's finished registrations are forgotten. */
  rollTo(day: string): void {
    const facts = new Map(this.#facts)
    this.#reset(day)
    for (const [id, fact] of facts) this.set(id, fact)
  }

  /** Today's counts and those in flight, for the centers of `scope`. */
  view(scope: LiveScope): Pick<LiveSnapshot, 'registrationsToday' | 'inFlight'> {
    const rows: LiveSnapshot['registrationsToday']['rows'] = []
    for (const [key, count] of this.#today) {
      const [center = '', process = '', status = ''] = key.split(separator)
      if (inScope(scope, center)) rows.push({ center, process, status, count })
    }
    rows.sort(
      (a, b) =>
        compare(a.center, b.center) || compare(a.process, b.process) || compare(a.status, b.status),
    )
    const stages = new Map<string, number>()
    for (const [key, count] of this.#inFlight) {
      const [center = '', stage = ''] = key.split(separator)
      if (inScope(scope, center)) stages.set(stage, (stages.get(stage) ?? 0) + count)
    }
    const byStage = [...stages]
      .map(([stage, count]) => ({ stage, count }))
      .sort((a, b) => compare(a.stage, b.stage))
    return {
      registrationsToday: { total: sum(rows), rows },
      inFlight: { total: sum(byStage), byStage },
    }
  }

  #reset(day: string): void {
    this.#facts.clear()
    this.#today.clear()
    this.#inFlight.clear()
    this.#day = day
  }

  /** Today's packets and those dated later (counted once their day comes), and all in flight. */
  #relevant(fact: RegistrationFact): boolean {
    return (
      !finalStatuses.has(fact.status) || (fact.packetDay !== null && fact.packetDay >= this.#day)
    )
  }

  #count(fact: RegistrationFact, delta: number): void {
    if (fact.packetDay === this.#day) {
      add(this.#today, [fact.center, fact.process, fact.status].join(separator), delta)
    }
    if (!finalStatuses.has(fact.status)) {
      add(this.#inFlight, [fact.center, fact.stage].join(separator), delta)
    }
  }
}

function sameCounts(a: RegistrationFact | undefined, b: RegistrationFact | null, day: string) {
  const key = (fact: RegistrationFact | null | undefined) =>
    fact
      ? [
          fact.packetDay === day ? [fact.center, fact.process, fact.status].join(',') : '',
          finalStatuses.has(fact.status) ? '' : [fact.center, fact.stage].join(','),
        ].join('|')
      : '|'
  return key(a) === key(b)
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta
  if (next === 0) counts.delete(key)
  else counts.set(key, next)
}

function drift(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): number {
  let total = 0
  for (const [key, count] of before) total += Math.abs(count - (after.get(key) ?? 0))
  for (const [key, count] of after) if (!before.has(key)) total += count
  return total
}

function sum(rows: readonly { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0)
}

/** Bytewise order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
