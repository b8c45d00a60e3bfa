import { z } from 'zod'
import type { Db } from '../../platform/db/index.js'
import { access, type HttpApp } from '../../platform/http/index.js'
import { integrityErrors } from '../integrity-errors.js'
import { checkpointOfDay, latestCheckpoint } from '../publish/checkpoint-archive.js'
import { dailyDigestPage } from '../publish/daily-digest.js'
import type { LogIdentity } from '../publish/log-signer.js'

const published = { access: access.public('the daily digest is published for anyone to print') }
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** The daily digest page: /integrity/digest (the latest day) and /integrity/digest/<day>. */
export function registerDigestRoutes(app: HttpApp, deps: { db: Db; log: LogIdentity }) {
  const page = async (day: string) => {
    const checkpoint = await checkpointOfDay(deps.db, day)
    if (!checkpoint) throw integrityErrors.notFound(`A checkpoint by the end of ${day}`)
    const previous = await checkpointOfDay(deps.db, dayBefore(day))
    const { origin, verifierKey } = deps.log
    return dailyDigestPage({ day, origin, verifierKey, checkpoint, previous })
  }
  const html = 'text/html; charset=utf-8'

  app.get(
    '/integrity/digest',
    { config: published, schema: { tags: ['integrity'], summary: 'The latest daily digest page' } },
    async (_request, reply) => {
      const latest = await latestCheckpoint(deps.db)
      if (!latest) throw integrityErrors.notFound('A checkpoint')
      const body = await page(latest.signedAt.toISOString().slice(0, 10))
      return reply.header('content-type', html).header('cache-control', 'no-cache').send(body)
    },
  )

  app.get(
    '/integrity/digest/:day',
    {
      config: published,
      schema: {
        tags: ['integrity'],
        summary: "A day's digest page (UTC)",
        params: z.object({ day: daySchema }),
      },
    },
    async (request, reply) => {
      const body = await page(request.params.day)
      return reply.header('content-type', html).header('cache-control', 'no-cache').send(body)
    },
  )
}
