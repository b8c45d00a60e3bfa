import { z } from 'zod'
import type { IdRepoService } from '../../identity/index.js'
import { changesOfRecord } from '../../identity/index.js'
import { staff } from '../../platform/auth/index.js'
import type { Db } from '../../platform/db/index.js'
import { access, envelopeOf, ok, type HttpApp } from '../../platform/http/index.js'
import { consistencyProof, inclusionProof } from '../merkle/index.js'
import { formatTlogProof, tlogProofExtension } from '../note/index.js'
import { integrityErrors } from '../integrity-errors.js'
import { readEntries } from '../log/log-store.js'
import { storedNodeReader } from '../log/tile-reader.js'
import { latestCheckpoint } from '../publish/checkpoint-archive.js'

const published = { access: access.public('proofs over the published log') }
const tags = ['integrity']
const b64 = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('base64'))
const proofSchema = z.object({ proof: z.array(z.string()) })

async function publishedSize(db: Db): Promise<number> {
  return (await latestCheckpoint(db))?.size ?? 0
}

/** Inclusion and consistency proofs (RFC 6962) and a record's offline tlog-proof file. */
export function registerProofRoutes(app: HttpApp, deps: { db: Db; idRepo: IdRepoService }) {
  const { db, idRepo } = deps

  app.get(
    '/integrity/proof/inclusion',
    {
      config: published,
      schema: {
        tags,
        summary: 'Inclusion proof of entry `index` in the tree of `size` leaves',
        querystring: z.object({
          index: z.coerce.number().int().min(0),
          size: z.coerce.number().int().min(1),
        }),
        response: { 200: envelopeOf(proofSchema) },
      },
    },
    async (request) => {
      const { index, size } = request.query
      if (index >= size || size > (await publishedSize(db)))
        throw integrityErrors.badRange('index must be below size, size at most the checkpoint')
      return ok({ proof: b64(await inclusionProof(index, size, storedNodeReader(db, size))) })
    },
  )

  app.get(
    '/integrity/proof/consistency',
    {
      config: published,
      schema: {
        tags,
        summary: 'Consistency proof between the trees of `from` and `to` leaves',
        querystring: z.object({
          from: z.coerce.number().int().min(0),
          to: z.coerce.number().int().min(0),
        }),
        response: { 200: envelopeOf(proofSchema) },
      },
    },
    async (request) => {
      const { from, to } = request.query
      if (from > to || to > (await publishedSize(db)))
        throw integrityErrors.badRange('from must not exceed to, to at most the checkpoint')
      return ok({ proof: b64(await consistencyProof(from, to, storedNodeReader(db, to))) })
    },
  )

  app.get(
    '/api/v1/integrity/records/:uin/proof',
    {
      config: { access: access.staff('ADMIN', 'AUDITOR') },
      schema: {
        tags,
        summary:
          "The record's latest log entry as a c2sp.org/tlog-proof file (extra = the entry) to keep and verify offline",
        params: z.object({ uin: z.string().regex(/^\d{8,28}$/) }),
      },
    },
    async (request, reply) => {
      const record = await idRepo.getByUin(request.params.uin, staff(request).username)
      const latest = (await changesOfRecord(db, record.uinRefId)).at(-1)
      const checkpoint = await latestCheckpoint(db)
      if (latest?.logIndex == null || !checkpoint || checkpoint.size <= latest.logIndex)
        throw integrityErrors.notLogged()
      const index = latest.logIndex
      const [entry] = await readEntries(db, index, 1)
      const proof = await inclusionProof(
        index,
        checkpoint.size,
        storedNodeReader(db, checkpoint.size),
      )
      const file = formatTlogProof({
        ...(entry && { extra: entry }),
        index,
        proof,
        checkpoint: checkpoint.note,
      })
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="record-${index}${tlogProofExtension}"`,
        )
        .header('cache-control', 'no-store')
        .send(file)
    },
  )
}
