import type { Transaction } from 'kysely'

/**
 * Where new UINs and VIDs come from (MOSIP's kernel UIN and VID pools). The identity ids part
 * implements it with its pools; the value is taken inside the caller's transaction, so a
 * rolled-back creation returns it to the pool.
 */
export interface IdentifierSource {
  nextUin(trx: Transaction<object>): Promise<string>
  nextVid(trx: Transaction<object>): Promise<string>
}
