import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream'
import { nanos } from '@nats-io/transport-node'
import type { ConsumerSpec } from './consumer-spec.js'
import { serverFilter } from './topic.js'

export interface StreamSpec {
  readonly name: string
  /** Subjects are `<prefix>.<topic>`; the stream captures `<prefix>.>`. */
  readonly prefix: string
  readonly duplicateWindowSeconds: number
  /** Events older than this are discarded (`bus.retentionDays`), consumed or not. */
  readonly maxAgeSeconds: number
}

/** Creates the stream, or brings an existing one's subjects, windows and age limit up to date. */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const subjects = [`${spec.prefix}.>`]
  const duplicate_window = nanos(spec.duplicateWindowSeconds * 1000)
  const max_age = nanos(spec.maxAgeSeconds * 1000)
  try {
    const { config } = await jsm.streams.info(spec.name)
    if (
      config.subjects.join() !== subjects.join() ||
      config.duplicate_window !== duplicate_window ||
      config.max_age !== max_age
    ) {
      await jsm.streams.update(spec.name, { ...config, subjects, duplicate_window, max_age })
    }
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error
    await jsm.streams
      .add({
        name: spec.name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window,
        max_age,
      })
      // Another process may have created it between our two calls: then it is there, fine.
      .catch(async (addError: unknown) => {
        await jsm.streams.info(spec.name).catch(() => Promise.reject(addError))
      })
  }
}

export interface ConsumerSetup {
  readonly stream: string
  readonly prefix: string
  readonly ackWaitSeconds: number
}

/**
 * Creates or updates the durable pull consumer for a subscription.
 * - `max_ack_pending: 1`: the server hands out the next event only after the previous one is
 *   acked, and redelivers an unacked one before anything newer: per-topic order (indeed total
 *   order) survives crashes and takeovers, which a larger window cannot guarantee on 2.9.
 * - One filter subject (NATS 2.9): a single pattern is filtered by the server, several patterns
 *   by the client under `<prefix>.>`.
 * - `max_deliver: -1`: the bus counts deliveries and dead-letters into `bus.dead_letter`; a
 *   server limit would skip the event with only an advisory.
 */
export async function ensureJetStreamConsumer(
  jsm: JetStreamManager,
  setup: ConsumerSetup,
  spec: ConsumerSpec,
): Promise<void> {
  const wanted = {
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(setup.ackWaitSeconds * 1000),
    max_deliver: -1,
    max_ack_pending: 1,
    filter_subject: `${setup.prefix}.${serverFilter(spec.patterns)}`,
  }
  try {
    const { config } = await jsm.consumers.info(setup.stream, spec.name)
    const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
      (key) => config[key] !== wanted[key],
    )
    if (differs) await jsm.consumers.update(setup.stream, spec.name, wanted)
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error
    await jsm.consumers.add(setup.stream, {
      ...wanted,
      durable_name: spec.name,
      deliver_policy: DeliverPolicy.All,
    })
  }
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code
}
