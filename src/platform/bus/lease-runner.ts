import type { Logger } from 'pino'
import type { Lease } from './lease.js'
import type { StopSignal } from './stop-signal.js'

/** Work that must run in one process at a time: a consumer's deliveries, or the relay. */
export interface Session {
  /** Runs until `stop` is requested (graceful: finish in-flight work and flush state). */
  run(stop: StopSignal): Promise<void>
}

export interface LeaseRunnerOptions {
  readonly lease: Lease
  readonly leaseMs: number
  readonly stop: StopSignal
  readonly logger: Logger
  readonly session: () => Session
}

/** Reason a session is stopped when its lease was lost. */
export const leaseLost = 'lease lost'

/**
 * Stands by until the lease is ours, runs the session while renewing the lease, and goes back
 * to standing by if the lease is lost. Returns once `stop` is requested and the session ended.
 * On a forced stop it returns at once and leaves the lease to expire.
 */
export async function runWithLease(options: LeaseRunnerOptions): Promise<void> {
  const { lease, leaseMs, stop, logger } = options
  while (!stop.requested) {
    let held = false
    try {
      held = await lease.tryAcquire()
    } catch (error) {
      logger.warn({ err: error, lease: lease.name }, 'bus lease check failed; retrying')
    }
    if (!held || stop.requested) {
      await stop.wait(leaseMs / 3)
      continue
    }
    logger.debug({ lease: lease.name, holder: lease.holder }, 'bus lease acquired')
    const sessionStop = stop.child()
    const renewing = keepRenewing(lease, leaseMs, sessionStop, logger)
    try {
      await options.session().run(sessionStop)
    } catch (error) {
      if (sessionStop.force) return
      if (sessionStop.reason !== leaseLost) {
        logger.error({ err: error, lease: lease.name }, 'bus session failed; restarting it')
        await stop.wait(1000)
      }
    } finally {
      renewing()
    }
    if (sessionStop.reason === leaseLost) {
      logger.warn({ lease: lease.name }, 'bus lease lost to another process; standing by')
    }
  }
  if (!stop.force) await lease.release().catch(() => {})
}

/** Renews every third of the lease time; stops the session once the lease is surely gone. */
function keepRenewing(lease: Lease, leaseMs: number, stop: StopSignal, logger: Logger): () => void {
  let lastRenewed = Date.now()
  let renewing = false
  const timer = setInterval(async () => {
    if (renewing) return
    renewing = true
    try {
      if (await lease.renew()) lastRenewed = Date.now()
      else stop.request(leaseLost)
    } catch (error) {
      logger.warn({ err: error, lease: lease.name }, 'bus lease renewal failed')
      if (Date.now() - lastRenewed >= leaseMs) stop.request(leaseLost)
    } finally {
      renewing = false
    }
  }, leaseMs / 3)
  const off = stop.onStop(() => {
    // A forced stop leaves the lease to expire, as a crash would.
    if (stop.force) clearInterval(timer)
  })
  return () => {
    clearInterval(timer)
    off()
  }
}
