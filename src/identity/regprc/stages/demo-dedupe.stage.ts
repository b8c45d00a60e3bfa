import { passed, toAdjudication, type StageContext, type StageHandler } from '../engine/stage.js'
import { demographicHash } from './demo-hash.js'

/**
 * Demographic de-duplication: the same name, date of birth and gender (as a keyed hash) among
 * the identities already issued. A match is not a rejection: it sends the packet to manual
 * adjudication (MOSIP: DDP-FAILED-002 then the manual-adjudication route).
 */
export const demoDedupe: StageHandler = async (context) => {
  const packet = context.packet()
  const hash = await demographicHash(context.services.demoHasher, packet.identity)
  if (!hash) return passed('DEMO_DEDUPE_SKIPPED')
  const rows = await context.db
    .selectFrom('regprc.individual_demographic_dedup')
    .select('reg_id')
    .distinct()
    .where('demo_hash', '=', hash)
    .where('is_active', '=', true)
    .where('reg_id', '<>', context.rid)
    .execute()
  const matches = await withoutOwnIdentity(
    context,
    rows.map((row) => row.reg_id),
  )
  if (matches.length === 0) return passed('DEMO_DEDUPE_SUCCESS')
  return toAdjudication('POTENTIAL_MATCH_FOUND', {
    effects: async (trx) => {
      await trx
        .insertInto('regprc.reg_demo_dedupe_list')
        .values(
          matches.map((matched) => ({
            regtrn_id: context.transactionId,
            matched_reg_id: matched,
            reg_id: context.rid,
            cr_by: 'SYSTEM',
            cr_dtimes: context.now,
            upd_by: null,
            upd_dtimes: null,
            del_dtimes: null,
          })),
        )
        .execute()
    },
  })
}

/** An update matches its own identity's earlier registrations; those are not duplicates. */
async function withoutOwnIdentity(context: StageContext, rids: string[]): Promise<string[]> {
  const ownUin = context.packet().identity.UIN
  if (!ownUin) return rids
  const kept: string[] = []
  for (const rid of rids) {
    const found = await context.services.identity.findIdentity({ rid })
    if (found?.uin !== ownUin) kept.push(rid)
  }
  return kept
}
