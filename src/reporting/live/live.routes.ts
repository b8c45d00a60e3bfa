import { PassThrough } from 'node:stream'
import type { FastifyRequest } from 'fastify'
import { access, envelopeOf, type HttpApp, ok } from '../../platform/http/index.js'
import type { LiveScope, LiveSnapshot } from './live-snapshot.js'
import { liveSnapshotSchema } from './live-snapshot.js'
import type { SnapshotListener } from './snapshot-publisher.js'

/** What the routes need of a live stream. */
export interface LiveSource {
  snapshot(scope: LiveScope): LiveSnapshot
  subscribe(listener: SnapshotListener, scope: LiveScope): () => void
}

/** The centers a signed-in caller may see (the zone lookup lives elsewhere). */
export type LiveScopeOf = (request: FastifyRequest) => Promise<LiveScope>

/** Options of `registerLiveRoutes`. */
export interface LiveRoutesOptions {
  /** A comment line this often keeps proxies from closing an idle stream (default 15 s). */
  readonly heartbeatMs?: number
  /**
   * A stream ends after this long (default 10 min) and the client reconnects with its current
   * access token: the token is checked once per connection, so this bounds how long a stream
   * outlives an expired or revoked session.
   */
  readonly maxStreamMs?: number
}

const tags = ['reporting']
/** A client that reads slower than snapshots arrive is cut off rather than buffered forever. */
const maxBufferedBytes = 1_048_576

/**
 * `GET /api/v1/reporting/live`: Server-Sent Events, `event: snapshot` with the JSON snapshot at
 * once and after every change; `GET /api/v1/reporting/live/snapshot`: the same, once, enveloped.
 * Both for any signed-in staff member, with Bearer tokens (read the stream with fetch).
 */
export function registerLiveRoutes(
  app: HttpApp,
  live: LiveSource,
  scopeOf: LiveScopeOf,
  options: LiveRoutesOptions = {},
): void {
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const maxStreamMs = options.maxStreamMs ?? 600_000
  const open = new Set<PassThrough>()
  // Streams never finish on their own: end them when the server shuts down, or it would wait.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end()
  })

  app.get(
    '/api/v1/reporting/live',
    {
      config: { access: access.staff() },
      schema: {
        tags,
        summary: 'Live counters as Server-Sent Events (event: snapshot), for the caller’s centers',
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request)
      const stream = new PassThrough()
      const send = (text: string) => {
        if (stream.writableLength > maxBufferedBytes) stream.end()
        else if (!stream.writableEnded) stream.write(text)
      }
      const push: SnapshotListener = (snapshot) =>
        send(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`)
      send(`retry: 3000\n\n`)
      push(live.snapshot(scope))
      const unsubscribe = live.subscribe(push, scope)
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs)
      const expiry = setTimeout(() => stream.end(), maxStreamMs)
      const cleanUp = () => {
        clearInterval(heartbeat)
        clearTimeout(expiry)
        unsubscribe()
        open.delete(stream)
        if (!stream.writableEnded) stream.end()
      }
      open.add(stream)
      stream.once('close', cleanUp)
      reply.raw.once('close', cleanUp)
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(stream)
    },
  )

  app.get(
    '/api/v1/reporting/live/snapshot',
    {
      config: { access: access.staff() },
      schema: {
        tags,
        summary: 'Live counters now, for the caller’s centers',
        response: { 200: envelopeOf(liveSnapshotSchema) },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request)
      reply.header('cache-control', 'no-store')
      return ok(live.snapshot(scope))
    },
  )
}
