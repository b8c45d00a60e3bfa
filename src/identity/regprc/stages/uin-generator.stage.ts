import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  failed,
  passed,
  type StageContext,
  type StageHandler,
  type StageOutcome,
} from '../engine/stage.js'
import type { RegprcTables } from '../schema/regprc.tables.js'
import { bioMatches, distinctUins } from './bio-matches.js'
import { demographicHash } from './demo-hash.js'
import { packetOrNull } from './stage-packet.js'

/**
 * UIN generator, by process: NEW creates the identity (the ID repository allocates the UIN),
 * UPDATE/RES_UPDATE update it, LOST links the RID to the UIN the biometric search found,
 * ACTIVATED/DEACTIVATED change the UIN's status. Calls to the identity port are idempotent by
 * RID, so a retried step does not issue twice.
 */
export const uinGenerator: StageHandler = async (context) => {
  switch (context.process) {
    case 'NEW': {
      const { identity } = context.packet()
      await context.services.identity.createIdentity({ rid: context.rid, identity })
      return passed('UIN_GENERATED_SUCCESS', { effects: await rememberDemographics(context) })
    }
    case 'UPDATE':
    case 'RES_UPDATE': {
      const { identity } = context.packet()
      const uin = identity.UIN ?? ''
      await context.services.identity.updateIdentity({ uin, rid: context.rid, identity })
      return passed('UIN_DATA_UPDATION_SUCCESS', { effects: await rememberDemographics(context) })
    }
    case 'LOST':
      return linkLost(context)
    case 'ACTIVATED':
    case 'DEACTIVATED':
      return changeStatus(context, context.process)
    default:
      return failed('UIN_GENERATION_FAILED', { commentSuffix: context.process })
  }
}

async function linkLost(context: StageContext): Promise<StageOutcome> {
  const uins = distinctUins((await bioMatches(context)).matches)
  const [uin] = uins
  if (uins.length !== 1 || !uin) return failed('LINK_RID_FOR_LOST_PACKET_FAILED')
  const found = (await bioMatches(context)).matches.find((m) => m.uin === uin)
  await context.services.identity.linkRid({ uin, rid: context.rid })
  return passed('LINK_RID_FOR_LOST_PACKET_SUCCESS', {
    effects: async (trx) => {
      await trx
        .insertInto('regprc.reg_lost_uin_det')
        .values({
          reg_id: context.rid,
          latest_reg_id: found?.rid ?? context.rid,
          workflow_instance_id: context.workflowInstanceId,
          cr_by: 'SYSTEM',
          cr_dtimes: context.now,
          upd_by: null,
          upd_dtimes: null,
          del_dtimes: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    },
  })
}

async function changeStatus(
  context: StageContext,
  target: 'ACTIVATED' | 'DEACTIVATED',
): Promise<StageOutcome> {
  const packet = packetOrNull(context)
  const uin = packet?.identity.UIN
  if (!packet || !uin) return failed('SCHEMA_VALIDATION_FAILED')
  const found = await context.services.identity.findIdentity({ uin })
  if (!found) return failed('UIN_NOT_FOUND_IDREPO')
  if (found.status === target)
    return failed(target === 'ACTIVATED' ? 'UIN_ALREADY_ACTIVATED' : 'UIN_ALREADY_DEACTIVATED')
  await context.services.identity.setStatus({ uin, rid: context.rid, status: target })
  return passed(target === 'ACTIVATED' ? 'UIN_ACTIVATED_SUCCESS' : 'UIN_DEACTIVATION_SUCCESS')
}

/** Adds the issued identity's demographic hash for later de-duplication. */
async function rememberDemographics(
  context: StageContext,
): Promise<((trx: Kysely<RegprcTables>) => Promise<void>) | undefined> {
  const hash = await demographicHash(context.services.demoHasher, context.packet().identity)
  if (!hash) return undefined
  return async (trx) => {
    await trx
      .insertInto('regprc.individual_demographic_dedup')
      .values({
        id: randomUUID(),
        reg_id: context.rid,
        demo_hash: hash,
        lang_code: 'eng',
        is_active: true,
        cr_by: 'SYSTEM',
        cr_dtimes: context.now,
        upd_by: null,
        upd_dtimes: null,
        del_dtimes: null,
      })
      .execute()
  }
}
