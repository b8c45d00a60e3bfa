import { type CloudEvent, createCloudEvent } from './cloud-event.js'
import type { Delivery } from './event-bus.js'

/** Helpers shared by the contract cases. */

/** Generous: covers lease expiry and ack wait (1 s each in tests) on a loaded machine. */
export const poll = { timeout: 20_000, interval: 20 }

/** One handler call, as a recorder saw it. */
export interface Seen {
  readonly id: string
  readonly n: number
  readonly topic: string
  readonly attempt: number
  readonly by: string
}

/** An event carrying its number, to check order. */
export function numbered(
  n: number,
  extra: Partial<{ subject: string }> = {},
): CloudEvent<{ n: number }> {
  return createCloudEvent({
    type: 'org.mosaic.test.numbered',
    source: '/mosaic/test',
    data: { n },
    ...extra,
  })
}

/** A promise and its resolve function (Promise.withResolvers needs Node 22). */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

/** A handler that records what it saw, and the list it records into (shareable by several). */
export function recorder(
  by = 'bus',
  onEvent?: (event: CloudEvent<{ n: number }>, delivery: Delivery) => unknown,
  seen: Seen[] = [],
) {
  const handler = async (event: CloudEvent<{ n: number }>, delivery: Delivery) => {
    seen.push({
      id: event.id,
      n: event.data.n,
      topic: delivery.topic,
      attempt: delivery.attempt,
      by,
    })
    await onEvent?.(event, delivery)
  }
  return { seen, handler, ns: () => seen.map((s) => s.n) }
}
