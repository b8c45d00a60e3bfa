import type { Db } from '../../../platform/db/index.js'
import { journalErrors } from './journal-errors.js'
import { countUnlogged, logIndexesOf } from './record-journal.js'

/**
 * How the ID repository acknowledges a change only once the integrity log holds it. `admit`
 * applies back-pressure before a change starts (never loss: a refused change changes
 * nothing); `logged` waits for the change's log index after its transaction committed.
 */
export interface LogAcknowledger {
  admit(): Promise<void>
  logged(seq: number): Promise<number | null>
}

/** For an ID repository without an integrity log in the deployment (tests of other parts). */
export const unloggedAcknowledger: LogAcknowledger = {
  admit: async () => undefined,
  logged: async () => null,
}

export interface LogWaitOptions {
  readonly pollMs?: number
  readonly timeoutMs?: number
  /** Changes the log may be behind by before new ones are refused (Tessera pushes back at 4096). */
  readonly maxOutstanding?: number
}

interface Waiter {
  readonly seq: number
  readonly deadline: number
  resolve(index: number): void
  reject(error: Error): void
}

/**
 * Waits by polling the journal's log stamps: one query per tick answers every waiting request,
 * whichever process runs the log's sequencer.
 */
export function pollingAcknowledger(db: Db, options: LogWaitOptions = {}): LogAcknowledger {
  const pollMs = options.pollMs ?? 10
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxOutstanding = options.maxOutstanding ?? 4096
  const waiters = new Set<Waiter>()
  let timer: NodeJS.Timeout | undefined

  const tick = async () => {
    timer = undefined
    const batch = [...waiters]
    try {
      const stamps = await logIndexesOf(db, [...new Set(batch.map((w) => w.seq))])
      const now = Date.now()
      for (const waiter of batch) {
        const index = stamps.get(waiter.seq)
        if (index !== undefined && index !== null) waiter.resolve(index)
        else if (now > waiter.deadline) waiter.reject(journalErrors.logTimeout(timeoutMs / 1000))
        else continue
        waiters.delete(waiter)
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error as Error)
      for (const waiter of batch) waiters.delete(waiter)
    }
    schedule()
  }
  const schedule = () => {
    if (!timer && waiters.size > 0) timer = setTimeout(() => void tick(), pollMs)
  }

  return {
    async admit() {
      const outstanding = await countUnlogged(db, maxOutstanding)
      if (outstanding >= maxOutstanding) throw journalErrors.logBusy(outstanding)
    },
    logged(seq) {
      return new Promise<number>((resolve, reject) => {
        waiters.add({ seq, deadline: Date.now() + timeoutMs, resolve, reject })
        schedule()
      })
    },
  }
}
