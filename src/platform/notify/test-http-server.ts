import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the test server received it. */
export interface ReceivedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The raw body, exactly as sent. */
  readonly body: string
}

/** A real HTTP server on a random loopback port, for tests (an SMS gateway, a webhook receiver). */
export interface TestHttpServer {
  readonly url: string
  readonly received: ReceivedRequest[]
  close(): Promise<void>
}

/**
 * Starts a server that records every request and answers with the status `respond` returns
 * (given the request and how many came before it).
 */
export async function startTestHttpServer(
  respond: (request: ReceivedRequest, index: number) => number,
): Promise<TestHttpServer> {
  const received: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      const status = respond(request, received.length)
      received.push(request)
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
