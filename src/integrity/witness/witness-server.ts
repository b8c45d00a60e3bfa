import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../platform/errors.js'
import { formatSizeBody, NoteError, noteContentType, tlogSizeContentType } from '../note/index.js'
import { witnessSigner } from './witness-config.js'
import { WitnessConflictError, witnessErrors } from './witness-errors.js'
import { originHash, WitnessState } from './witness-state.js'
import {
  addCheckpoint,
  logVerifiers,
  type WitnessConfig,
  type WitnessLog,
  type WitnessLogger,
} from './witness.js'

/**
 * The witness over HTTP (c2sp.org/tlog-witness), one prefix for submission and monitoring:
 *
 *   POST <prefix>/add-checkpoint         cosign a checkpoint (200 / 400 / 403 / 404 / 409 / 422)
 *   GET  <prefix>/<sha256(origin)>/checkpoint   the latest checkpoint it cosigned for a log
 *   GET  /                               a short status text: name, key, logs and sizes
 */

export interface WitnessServerOptions {
  /** The state folder; one process per folder. */
  readonly dir: string
  readonly host?: string
  /** 0 (the default) picks a free port. */
  readonly port?: number
  /** The cosigner name, as in the key. */
  readonly name: string
  /** `PRIVATE+KEY+…` (see generateWitnessKey). */
  readonly signerKey: string
  readonly logs: readonly WitnessLog[]
  /** Submission prefix, e.g. `/witness`; empty by default. */
  readonly prefix?: string
  readonly maxBodyBytes?: number
  readonly logger?: WitnessLogger
  /** POSIX seconds, for tests; the system clock otherwise. */
  readonly now?: () => number
}

export interface WitnessServer {
  /** The submission prefix URL: POST `${url}/add-checkpoint`. */
  readonly url: string
  /** The witness's cosignature/v1 vkey. */
  readonly verifierKey: string
  close(): Promise<void>
}

const textType = 'text/plain; charset=utf-8'

export async function startWitnessServer(options: WitnessServerOptions): Promise<WitnessServer> {
  const { signer, verifierKey } = witnessSigner(options.name, options.signerKey, options.now)
  const prefix = options.prefix ?? ''
  const maxBodyBytes = options.maxBodyBytes ?? 65_536
  const logger = options.logger
  const config: WitnessConfig = { signer, logs: options.logs, ...(logger ? { logger } : {}) }
  try {
    logVerifiers(options.logs) // a bad vkey stops the start, not a request
  } catch (error) {
    if (error instanceof NoteError) throw witnessErrors.invalidConfig(error.message)
    throw error
  }
  const state = await WitnessState.open(options.dir)

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://witness').pathname
    if (path === `${prefix}/add-checkpoint`) {
      if (req.method !== 'POST') return send(res, 405, textType, 'Use POST.\n', { allow: 'POST' })
      const body = await readBody(req, maxBodyBytes)
      const result = await addCheckpoint(body, state, config)
      return send(res, 200, noteContentType, result.body)
    }
    const monitored = /^\/([0-9a-f]{64})\/checkpoint$/.exec(path.slice(prefix.length))
    if (path.startsWith(prefix) && monitored && isRead(req)) {
      const log = options.logs.find((l) => originHash(l.origin) === monitored[1])
      const record = log && state.get(log.origin)
      if (!record) return send(res, 404, textType, 'No checkpoint cosigned for that log.\n')
      return send(res, 200, noteContentType, record.checkpoint)
    }
    if (path === '/' && isRead(req)) return send(res, 200, textType, status())
    return send(res, 404, textType, 'Not found.\n')
  }

  const status = (): string => {
    const sizes = new Map(state.sizes().map((s) => [s.origin, s.size]))
    const lines = [
      `Mosaic transparency log witness (c2sp.org/tlog-witness)`,
      `name: ${options.name}`,
      `verifier key: ${verifierKey}`,
      `submission: POST ${prefix}/add-checkpoint`,
      'logs:',
      ...options.logs.map((l) => `  ${l.origin}  size ${sizes.get(l.origin) ?? 'none yet'}`),
    ]
    return `${lines.join('\n')}\n`
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answerError(res, error, logger))
  })
  server.requestTimeout = 30_000
  server.headersTimeout = 10_000
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
    })
  } catch (error) {
    state.close()
    throw error
  }
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}${prefix}`,
    verifierKey,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      state.close()
    },
  }
}

function isRead(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD'
}

/** The body, refusing (413) anything larger than `limit` before reading it all. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw witnessErrors.tooLarge(limit)
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length
    if (length > limit) throw witnessErrors.tooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function answerError(res: ServerResponse, error: unknown, logger?: WitnessLogger): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (error instanceof WitnessConflictError) {
    return send(res, 409, tlogSizeContentType, formatSizeBody(error.size))
  }
  if (error instanceof AppError && !error.reportable) {
    // Keep the connection only if the whole request was read.
    const headers: Record<string, string> = error.status === 413 ? { connection: 'close' } : {}
    return send(res, error.status, textType, `${error.message}\n`, headers)
  }
  logger?.error({ error }, 'add-checkpoint failed')
  send(res, 500, textType, 'Internal error.\n')
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}
