import { randomUUID } from 'node:crypto'
import type { Db } from '../../platform/db/index.js'
import { authPolicySchema, type AuthPolicy } from './auth-policy.js'
import type { IdaTables } from './ida.tables.js'

export interface PartnerPolicy {
  readonly partnerId: string
  readonly policyId: string
  readonly policy: AuthPolicy
  readonly updatedAt: Date
}

/**
 * One auth policy per partner: ida.policy_data holds the JSON (bytea, as MOSIP), and
 * ida.partner_mapping says which partner uses it. Setting a policy replaces the partner's.
 */
export async function savePartnerPolicy(
  db: Db,
  partnerId: string,
  policy: AuthPolicy,
  actor: string,
): Promise<PartnerPolicy> {
  const tables = db.withTables<IdaTables>()
  const at = new Date()
  const bytes = Buffer.from(JSON.stringify(policy), 'utf8')
  return tables.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('ida.partner_mapping')
      .select('policy_id')
      .where('partner_id', '=', partnerId)
      .forUpdate()
      .executeTakeFirst()
    if (existing) {
      await trx
        .updateTable('ida.policy_data')
        .set({ policy_data: bytes, upd_by: actor, upd_dtimes: at })
        .where('policy_id', '=', existing.policy_id)
        .execute()
      return { partnerId, policyId: existing.policy_id, policy, updatedAt: at }
    }
    const policyId = randomUUID()
    await trx
      .insertInto('ida.policy_data')
      .values({
        policy_id: policyId,
        policy_data: bytes,
        name: `auth policy of ${partnerId}`.slice(0, 128),
        description: null,
        policy_status: 'ACTIVE',
        policy_commence_on: at,
        policy_expires_on: null,
        cr_by: actor,
        cr_dtimes: at,
        upd_by: null,
        upd_dtimes: null,
        is_deleted: false,
        del_dtimes: null,
      })
      .execute()
    await trx
      .insertInto('ida.partner_mapping')
      .values({
        partner_id: partnerId,
        policy_id: policyId,
        api_key_id: '*',
        cr_by: actor,
        cr_dtimes: at,
        upd_by: null,
        upd_dtimes: null,
        is_deleted: false,
        del_dtimes: null,
      })
      .execute()
    return { partnerId, policyId, policy, updatedAt: at }
  })
}

/** The partner's active policy, or null when it has none (IDA-MPA-014). */
export async function findPartnerPolicy(db: Db, partnerId: string): Promise<PartnerPolicy | null> {
  const row = await db
    .withTables<IdaTables>()
    .selectFrom('ida.partner_mapping as m')
    .innerJoin('ida.policy_data as p', 'p.policy_id', 'm.policy_id')
    .select(['m.partner_id', 'p.policy_id', 'p.policy_data', 'p.cr_dtimes', 'p.upd_dtimes'])
    .where('m.partner_id', '=', partnerId)
    .where('p.policy_status', '=', 'ACTIVE')
    .where('m.is_deleted', 'is not', true)
    .executeTakeFirst()
  if (!row) return null
  const policy = authPolicySchema.parse(JSON.parse(Buffer.from(row.policy_data).toString('utf8')))
  return {
    partnerId: row.partner_id,
    policyId: row.policy_id,
    policy,
    updatedAt: row.upd_dtimes ?? row.cr_dtimes,
  }
}
