import type { ApiClient } from '../../shared/api.js'
import { liveSnapshotSchema, type LiveSnapshot } from './live-snapshot.js'

/** The state of the live connection, for the indicator. */
export type LiveState = 'connecting' | 'live' | 'reconnecting'

/** Callbacks of `openLiveConnection`. */
export interface LiveHandlers {
  onSnapshot(snapshot: LiveSnapshot): void
  onState(state: LiveState, error?: unknown): void
}

const livePath = '/api/v1/reporting/live'

/** Splits a Server-Sent Events buffer into complete events; returns them and the rest. */
export function parseEvents(buffer: string): {
  events: { event: string; data: string }[]
  rest: string
} {
  const events: { event: string; data: string }[] = []
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') })
  }
  return { events, rest }
}

async function readStream(
  response: Response,
  handlers: LiveHandlers,
  signal: AbortSignal,
): Promise<void> {
  const body = response.body
  if (body === null) return
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read()
      if (done) return
      const parsed = parseEvents(buffer + value)
      buffer = parsed.rest
      for (const { event, data } of parsed.events) {
        if (event !== 'snapshot') continue
        const snapshot = liveSnapshotSchema.safeParse(JSON.parse(data))
        if (snapshot.success) {
          handlers.onState('live')
          handlers.onSnapshot(snapshot.data)
        }
      }
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * Follows the live snapshots over Server-Sent Events. EventSource cannot send the Bearer header,
 * so the stream is read with fetch. The server ends every stream after a while (the token is
 * checked once per connection); the loop then reconnects with the client's current token, and
 * after a failure it waits a little longer each time. Returns a function that stops it.
 */
export function openLiveConnection(api: ApiClient, handlers: LiveHandlers): () => void {
  const controller = new AbortController()
  const { signal } = controller
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  void (async () => {
    let failures = 0
    handlers.onState('connecting')
    while (!signal.aborted) {
      try {
        const response = await api.fetchRaw(livePath, { accept: 'text/event-stream', signal })
        failures = 0
        await readStream(response, handlers, signal)
        if (!signal.aborted) handlers.onState('reconnecting')
      } catch (error) {
        if (signal.aborted) return
        failures++
        handlers.onState('reconnecting', error)
        await pause(Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)))
      }
    }
  })()
  return () => controller.abort()
}
