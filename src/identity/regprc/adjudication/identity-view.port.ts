import { AppError } from '../../../platform/errors.js'
import type { IdRepoService } from '../../idrepo/index.js'
import { adjudicationErrors } from './adjudication.errors.js'

/**
 * What an adjudicator may see of an issued identity: its current attributes (decrypted) and
 * its documents' categories. No UIN: adjudicators compare people, not numbers, and the matched
 * RID already names the record.
 */
export interface IdentityView {
  readonly status: string
  readonly identity: Readonly<Record<string, unknown>>
  readonly documents: readonly { category: string; type: string; format: string | null }[]
}

/**
 * The ID repository as the adjudicators' comparison reads it. A port of its own, beside the
 * stages' IdentityPort (which never returns attributes): only this view decrypts a matched
 * identity, and it names the viewer so the repository's own read audit records who it was.
 */
export interface IdentityViewPort {
  /** The identity a RID created, updated or was linked to; null when there is none. */
  findByRid(rid: string, viewer: string): Promise<IdentityView | null>
}

/** The ID repository part's service as the comparison's IdentityViewPort. */
export function identityViewAdapter(idRepo: IdRepoService): IdentityViewPort {
  return {
    async findByRid(rid, viewer) {
      try {
        const record = await idRepo.getByRid(rid, viewer)
        return {
          status: record.status,
          identity: record.identity,
          documents: record.documents.map((document) => ({
            category: document.category,
            type: document.type,
            format: document.format,
          })),
        }
      } catch (error) {
        if (error instanceof AppError && (error.status === 404 || error.status === 400)) return null
        throw error
      }
    },
  }
}

/** For a process without the ID repository part: every comparison fails with MOS-RPR-004. */
export const unwiredIdentityView: IdentityViewPort = {
  findByRid: async () => {
    throw adjudicationErrors.identityViewUnwired()
  },
}
