import { get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import type { HttpApp } from '../../platform/http/index.js'
import { createTestHttpApp } from '../../platform/http/test-http-app.js'
import type { RegprcHarness } from '../../identity/index.js'
import type { LiveStream } from './live-stream.js'
import { liveSnapshotSchema, type LiveScope, type LiveSnapshot } from './live-snapshot.js'
import { registerLiveRoutes, type LiveRoutesOptions } from './live.routes.js'
import { openLiveHarness, startLive, submitPacket, testClock, today } from './live.test-kit.js'

/**
 * Opens a Server-Sent Events stream with node's http client (one connection, no pool, so the
 * server closes cleanly) and reads its `event: snapshot` messages.
 */
async function openStream(url: string, authorization?: string) {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = get(url, { agent: false, headers: authorization ? { authorization } : {} })
    request.once('response', resolve).once('error', reject)
  })
  response.setEncoding('utf8')
  const chunks = response[Symbol.asyncIterator]() as AsyncIterator<string>
  let buffer = ''
  let heartbeats = 0
  return {
    heartbeats: () => heartbeats + (buffer.match(/^: heartbeat$/gm)?.length ?? 0),
    status: response.statusCode,
    headers: response.headers,
    async next(): Promise<LiveSnapshot> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const lines = buffer.slice(0, end).split('\n')
          buffer = buffer.slice(end + 2)
          if (lines.includes(': heartbeat')) heartbeats++
          if (!lines.includes('event: snapshot')) continue
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? ''
          return liveSnapshotSchema.parse(JSON.parse(data))
        }
        const chunk = await chunks.next()
        if (chunk.done) throw new Error('the stream ended')
        buffer += chunk.value
      }
    },
    /** Resolves when the server ends the stream. */
    async ended(): Promise<void> {
      for (let chunk = await chunks.next(); !chunk.done; chunk = await chunks.next()) {
        buffer += chunk.value
      }
    },
    close: () => response.destroy(),
  }
}

describe.each(testBackends)('live routes on %s', (backend) => {
  let h: RegprcHarness | undefined
  let app: HttpApp | undefined
  let live: LiveStream | undefined
  afterEach(async () => {
    await app?.close()
    await live?.close()
    await h?.close()
    app = h = live = undefined
  })

  async function serve(options: LiveRoutesOptions = {}) {
    h = await openLiveHarness(backend)
    const clock = testClock(`${today}T12:00:00.000Z`)
    live = await startLive(h, { now: clock.now })
    const test = await createTestHttpApp(h.database.db)
    app = test.app
    // Stands in for the zone lookup: staff "zone1" sees center 10001 only.
    const scopeOf = async (request: { principal: unknown }): Promise<LiveScope> => {
      const principal = request.principal as { username?: string } | null
      return principal?.username === 'zone1' ? { centers: ['10001'] } : { centers: 'all' }
    }
    registerLiveRoutes(app, live, scopeOf, options)
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}/api/v1/reporting/live`,
      everyone: await test.staffToken(['REGISTRATION_SUPERVISOR'], 'national'),
      zone1: await test.staffToken(['REGISTRATION_OFFICER'], 'zone1'),
    }
  }

  it('streams a snapshot at once and a fresh one after a registration is processed', async () => {
    const s = await serve()
    const events = await openStream(s.url, s.everyone)
    expect(events.status).toBe(200)
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/)
    expect(events.headers['cache-control']).toBe('no-store')
    const first = await events.next()
    expect(first.registrationsToday.total).toBe(0)
    expect(first.day).toBe(today)

    await submitPacket(h!, '10011', `${today}T10:00:00.000Z`)
    await h!.drain()
    // Snapshots follow the workflow stage by stage; wait for the one after it finished.
    const done = (snapshot: LiveSnapshot) =>
      snapshot.registrationsToday.rows.some((row) => row.status === 'PROCESSED')
    let update = await events.next()
    while (!done(update)) update = await events.next()
    expect(update.inFlight.total).toBe(0)
    expect(update.registrationsToday.rows).toEqual([
      { center: '10011', process: 'NEW', status: 'PROCESSED', count: 1 },
    ])
    events.close()
  })

  it('restricts the stream to the caller’s centers', async () => {
    const s = await serve()
    await submitPacket(h!, '10011', `${today}T10:00:00.000Z`)
    await h!.drain()
    const events = await openStream(s.url, s.zone1)
    expect((await events.next()).registrationsToday.total).toBe(0)
    await submitPacket(h!, '10001', `${today}T10:30:00.000Z`)
    await h!.drain()
    let update = await events.next()
    while (update.registrationsToday.total === 0) update = await events.next()
    expect(update.registrationsToday.rows.map((row) => row.center)).toEqual(['10001'])
    events.close()
  })

  it('serves the snapshot as an envelope', async () => {
    const s = await serve()
    const response = await fetch(`${s.url}/snapshot`, { headers: { authorization: s.everyone } })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { response: unknown; errors: unknown[] }
    expect(body.errors).toEqual([])
    expect(liveSnapshotSchema.parse(body.response).day).toBe(today)
  })

  it('refuses callers who are not signed in', async () => {
    const s = await serve()
    const stream = await openStream(s.url)
    expect(stream.status).toBe(401)
    stream.close()
    const response = await fetch(`${s.url}/snapshot`)
    expect(response.status).toBe(401)
    expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1)
  })

  it('stops pushing to a client that disconnected', async () => {
    const s = await serve()
    const events = await openStream(s.url, s.everyone)
    await events.next()
    expect(live!.subscribers).toBe(1)
    events.close()
    while (live!.subscribers > 0) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(live!.subscribers).toBe(0)
  })

  it('ends open streams when the server shuts down', async () => {
    const s = await serve()
    const events = await openStream(s.url, s.everyone)
    await events.next()
    await app!.close()
    await events.ended()
    expect(live!.subscribers).toBe(0)
  })

  it('sends heartbeat comments and ends a stream after its maximum duration', async () => {
    const s = await serve({ heartbeatMs: 20, maxStreamMs: 300 })
    const events = await openStream(s.url, s.everyone)
    await events.next()
    await events.ended()
    expect(events.heartbeats()).toBeGreaterThan(0)
    while (live!.subscribers > 0) await new Promise((resolve) => setTimeout(resolve, 20))
  })
})
