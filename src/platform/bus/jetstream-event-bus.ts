import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import { connect } from '@nats-io/transport-node'
import type { Logger } from 'pino'
import type { Settings } from '../config/index.js'
import type { Database } from '../db/index.js'
import { relayChannel } from './bus.migrations.js'
import type { BusTuning } from './bus-tuning.js'
import { consumerSpec } from './consumer-spec.js'
import { createDbLease } from './db-lease.js'
import { busErrors } from './errors.js'
import { countBusRows } from './bus-counts.js'
import type { EventBus } from './event-bus.js'
import { ensureJetStreamConsumer, ensureStream } from './jetstream-setup.js'
import { createJetStreamSession } from './jetstream-session.js'
import { createKvLease } from './kv-lease.js'
import { newHolderId } from './lease.js'
import { runWithLease } from './lease-runner.js'
import { prepareEvents } from './prepare-events.js'
import { publishToTable } from './publish-to-table.js'
import { createRelaySession } from './relay-session.js'
import { StopSignal, Wakeup } from './stop-signal.js'
import { stopBus, Subscriptions } from './subscriptions.js'

export interface JetStreamEventBusOptions {
  readonly natsUrl: string
  readonly database: Database
  readonly settings: Settings['bus']
  readonly logger: Logger
  readonly tuning: BusTuning
}

/**
 * The scale-out backend: events on a JetStream stream (`<prefix>.<topic>` subjects), durable
 * pull consumers, leases in a KV bucket. Transactional publishes go through `bus.relay_event`
 * and a relay (one per database, under a lease) that forwards them.
 */
export async function createJetStreamEventBus(
  options: JetStreamEventBusOptions,
): Promise<EventBus> {
  const { database, settings, logger, tuning } = options
  const db = database.db
  const stream = settings.stream
  const prefix = tuning.subjectPrefix ?? stream
  const leaseMs = tuning.leaseSeconds * 1000
  const nc = await connect({
    servers: options.natsUrl,
    name: 'mosaic-bus',
    maxReconnectAttempts: -1,
  })
  const holder = newHolderId()
  const subscriptions = new Subscriptions()
  const relayStop = new StopSignal()
  let closed = false
  let relay: Promise<void> = Promise.resolve()
  let unlisten = async () => {}
  try {
    const jsm = await jetstreamManager(nc)
    const js = jetstream(nc)
    await ensureStream(jsm, {
      name: stream,
      prefix,
      duplicateWindowSeconds: tuning.duplicateWindowSeconds,
      maxAgeSeconds: settings.retentionDays * 86_400,
    })
    // Bucket max age = lease time: a holder that stops renewing loses its key, nothing else needed.
    const leases = await new Kvm(js).create(`${stream}_leases`, { ttl: leaseMs, history: 1 })
    // An existing bucket keeps the max age it was made with; renew by that, whatever ours says.
    const consumerLeaseMs = (await leases.status()).ttl || leaseMs
    if (consumerLeaseMs !== leaseMs) {
      logger.warn(
        { bucket: `${stream}_leases`, leaseMs: consumerLeaseMs },
        'bus lease bucket has another lease time; using it',
      )
    }
    const wakeup = new Wakeup()
    unlisten = await database.listen(relayChannel, () => wakeup.notify())
    relay = runWithLease({
      lease: createDbLease(db, `relay:${stream}`, holder, tuning.leaseSeconds),
      leaseMs,
      stop: relayStop,
      logger,
      session: () =>
        createRelaySession({
          db,
          js,
          prefix,
          wakeup,
          batchSize: tuning.batchSize,
          pollMs: tuning.pollMs,
        }),
    })

    return {
      backend: 'jetstream',
      async publish(events, publishOptions) {
        if (closed) throw busErrors.closed()
        if (publishOptions?.trx !== undefined) {
          await publishToTable(db, 'bus.relay_event', events, publishOptions.trx)
          return
        }
        const prepared = prepareEvents(events)
        try {
          // Pipelined on one connection, so the stream stores them in the order given.
          await Promise.all(
            prepared.map((event) =>
              js.publish(`${prefix}.${event.topic}`, event.json, { msgID: event.id }),
            ),
          )
        } catch (error) {
          throw busErrors.unavailable(error)
        }
      },
      async subscribe(subscribeOptions) {
        if (closed) throw busErrors.closed()
        const spec = consumerSpec(subscribeOptions, {
          maxDeliver: settings.maxDeliver,
          backoff: tuning.backoff,
        })
        subscriptions.reserve(spec.name)
        await ensureJetStreamConsumer(
          jsm,
          { stream, prefix, ackWaitSeconds: settings.ackWaitSeconds },
          spec,
        )
        return subscriptions.start(spec.name, (stop) =>
          runWithLease({
            lease: createKvLease(leases, spec.name, holder),
            leaseMs: consumerLeaseMs,
            stop,
            logger,
            session: () =>
              createJetStreamSession({
                js,
                db,
                stream,
                prefix,
                spec,
                ackWaitMs: settings.ackWaitSeconds * 1000,
                logger,
              }),
          }),
        )
      },
      async health() {
        const counts = await countBusRows(db)
        const details = { backend: 'jetstream', consumers: subscriptions.size, ...counts }
        if (closed || nc.isClosed()) return { up: false, details }
        try {
          // A round trip proves the server answers now; a reconnecting client would not.
          const rttMs = Math.round(await nc.rtt())
          return { up: true, details: { ...details, rttMs } }
        } catch {
          return { up: false, details: { ...details, error: 'NATS does not answer' } }
        }
      },
      async close(closeOptions) {
        if (closed) return
        closed = true
        const force = closeOptions?.force ?? false
        await stopBus(subscriptions, { stop: relayStop, done: relay }, unlisten, force)
        // Forced: drop the connection as a crash would (unsent acks are lost).
        await (force ? nc.close() : nc.drain())
      },
    }
  } catch (error) {
    relayStop.request('bus failed to start', true)
    await unlisten()
    await nc.close()
    throw error
  }
}
