import { z } from 'zod'
import type { Db } from '../../platform/db/index.js'
import { access, type HttpApp } from '../../platform/http/index.js'
import { encodeEntryBundle, parseTilePath, tileWidth } from '../merkle/index.js'
import { integrityErrors } from '../integrity-errors.js'
import { readEntries, readTile } from '../log/log-store.js'
import { checkpointAt, latestCheckpoint } from '../publish/checkpoint-archive.js'
import type { LogIdentity } from '../publish/log-signer.js'

const published = { access: access.public('the transparency log is published for anyone to check') }
const tags = ['integrity']
const immutable = 'public, max-age=31536000, immutable'
const text = 'text/plain; charset=utf-8'

/**
 * The log as C2SP tlog-tiles static files under /integrity/: the checkpoint (changes, not
 * cached), tiles and entry bundles (immutable, so a CDN or object store can mirror them), the
 * verifier key, and every archived checkpoint.
 */
export function registerTransparencyRoutes(app: HttpApp, deps: { db: Db; log: LogIdentity }) {
  const { db, log } = deps

  app.get(
    '/integrity/checkpoint',
    { config: published, schema: { tags, summary: 'The latest signed (and cosigned) checkpoint' } },
    async (_request, reply) => {
      const checkpoint = await latestCheckpoint(db)
      if (!checkpoint) throw integrityErrors.notFound('A checkpoint')
      return reply
        .header('content-type', text)
        .header('cache-control', 'no-cache')
        .send(checkpoint.note)
    },
  )

  app.get(
    '/integrity/key',
    { config: published, schema: { tags, summary: "The log's verifier key (signed-note form)" } },
    async (_request, reply) =>
      reply
        .header('content-type', text)
        .header('cache-control', 'public, max-age=3600')
        .send(`${log.verifierKey}\n`),
  )

  app.get(
    '/integrity/checkpoints/:size',
    {
      config: published,
      schema: {
        tags,
        summary: 'An archived checkpoint by tree size',
        params: z.object({ size: z.coerce.number().int().min(0) }),
      },
    },
    async (request, reply) => {
      const checkpoint = await checkpointAt(db, request.params.size)
      if (!checkpoint) throw integrityErrors.notFound(`A checkpoint of size ${request.params.size}`)
      return reply
        .header('content-type', text)
        .header('cache-control', immutable)
        .send(checkpoint.note)
    },
  )

  app.get(
    '/integrity/tile/*',
    {
      config: published,
      schema: {
        tags,
        summary: 'A hash tile (tile/<L>/<N>[.p/<W>]) or entry bundle (tile/entries/<N>[.p/<W>])',
        params: z.object({ '*': z.string().max(128) }),
      },
    },
    async (request, reply) => {
      const path = `tile/${request.params['*']}`
      const parsed = parseTilePath(path)
      if (!parsed) throw integrityErrors.notFound(`/integrity/${path.slice(0, 64)}`)
      const head = await latestCheckpoint(db)
      const size = head?.size ?? 0
      let body: Buffer | null
      if (parsed.kind === 'entries') {
        const first = parsed.index * tileWidth
        body =
          first + parsed.width <= size
            ? encodeEntryBundle(await readEntries(db, first, parsed.width))
            : null
      } else {
        const covered = parsed.tile.index * tileWidth + parsed.tile.width
        body =
          covered * tileWidth ** parsed.tile.level <= size ? await readTile(db, parsed.tile) : null
      }
      if (!body) throw integrityErrors.notFound(`/integrity/${path}`)
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', immutable)
        .send(body)
    },
  )
}
