import type { StageContext } from '../engine/stage.js'

export interface BioMatches {
  /** Whether the ABIS has answered an IDENTIFY for this workflow instance. */
  readonly identified: boolean
  /** RIDs of issued identities whose biometrics matched, with their UINs. */
  readonly matches: readonly { readonly rid: string; readonly uin: string }[]
}

/**
 * The latest IDENTIFY answer for the instance: candidates at or above the match threshold,
 * mapped to their RIDs (reg_bio_ref) and kept only when that RID has an identity (a candidate
 * from a rejected packet is no duplicate), as MOSIP's bio-dedupe does.
 */
export async function bioMatches(context: StageContext): Promise<BioMatches> {
  const identify = await context.db
    .selectFrom('regprc.abis_request as r')
    .innerJoin('regprc.reg_bio_ref as b', 'b.bio_ref_id', 'r.bio_ref_id')
    .innerJoin('regprc.abis_response as s', 's.abis_req_id', 'r.id')
    .select(['s.id as responseId'])
    .where('b.workflow_instance_id', '=', context.workflowInstanceId)
    .where('r.request_type', '=', 'IDENTIFY')
    .orderBy('s.cr_dtimes', 'desc')
    .executeTakeFirst()
  if (!identify) return { identified: false, matches: [] }
  const rows = await context.db
    .selectFrom('regprc.abis_response_det as d')
    .innerJoin('regprc.reg_bio_ref as b', 'b.bio_ref_id', 'd.matched_bio_ref_id')
    .select(['b.reg_id'])
    .distinct()
    .where('d.abis_resp_id', '=', identify.responseId)
    .where('d.score', '>=', context.services.settings.matchThreshold)
    .where('b.reg_id', '<>', context.rid)
    .execute()
  const matches: { rid: string; uin: string }[] = []
  for (const row of rows) {
    const found = await context.services.identity.findIdentity({ rid: row.reg_id })
    if (found) matches.push({ rid: row.reg_id, uin: found.uin })
  }
  return { identified: true, matches }
}

export function distinctUins(matches: BioMatches['matches']): string[] {
  return [...new Set(matches.map((m) => m.uin))]
}
