import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'

/**
 * Exclusive, expiring ownership of a consumer (or the relay) by one bus instance. The holder
 * renews it well before it expires; when the holder dies, another instance takes it over once
 * it has expired. See docs/bus.md, "One driver per consumer".
 */
export interface Lease {
  readonly name: string
  readonly holder: string
  /** Takes the lease if it is free or expired, or keeps it if we already hold it. */
  tryAcquire(): Promise<boolean>
  /** Extends our hold; false when someone else holds it now. */
  renew(): Promise<boolean>
  /** Gives it up so that a standby can take over without waiting for expiry. */
  release(): Promise<void>
}

/** A holder id that says which process holds a lease, for operators reading it. */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
}
