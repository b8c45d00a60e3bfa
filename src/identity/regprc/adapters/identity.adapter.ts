import { AppError } from '../../../platform/errors.js'
import {
  identitySchema,
  idRepoErrors,
  type IdRepoService,
  type Identity,
  type UinStatus,
} from '../../idrepo/index.js'
import type { IdentityJson } from '../packet.schema.js'
import type { IdentityPort } from '../ports.js'

const recordExists = idRepoErrors.recordExists().code

/**
 * The ID repository part's service as the registration processor's IdentityPort. Creation is
 * made idempotent by RID (a retried UIN generation finds the identity it created); lookups
 * answer null for "no record" (and for a malformed id, which cannot have one).
 */
export function identityAdapter(idRepo: IdRepoService, actor = 'SYSTEM'): IdentityPort {
  return {
    async createIdentity({ rid, identity }) {
      try {
        return { uin: (await idRepo.create({ rid, identity: toRepository(identity) }, actor)).uin }
      } catch (error) {
        if (error instanceof AppError && error.code === recordExists)
          return { uin: (await idRepo.getByRid(rid, actor)).uin }
        throw error
      }
    },
    async updateIdentity({ uin, rid, identity }) {
      await idRepo.update(uin, { rid, identity: toRepository(identity) }, actor)
    },
    async findIdentity(query) {
      try {
        const record =
          'uin' in query
            ? await idRepo.getByUin(query.uin, actor)
            : await idRepo.getByRid(query.rid, actor)
        return { uin: record.uin, status: record.status as UinStatus }
      } catch (error) {
        if (error instanceof AppError && (error.status === 404 || error.status === 400)) return null
        throw error
      }
    },
    async setStatus({ uin, rid, status }) {
      // The status packet is the change's consent.
      await idRepo.setStatus(uin, status, actor, { kind: 'packet', rid })
    },
    async linkRid({ uin, rid }) {
      await idRepo.update(uin, { rid }, actor)
    },
  }
}

/**
 * The packet's ID object as the repository stores it: without the UIN (the repository owns
 * it) and without attributes its schema does not accept.
 */
function toRepository(identity: IdentityJson): Identity {
  const kept: Identity = {}
  for (const [name, value] of Object.entries(identity)) {
    if (name === 'UIN') continue
    const checked = identitySchema.safeParse({ [name]: value })
    if (checked.success) Object.assign(kept, checked.data)
  }
  return kept
}
