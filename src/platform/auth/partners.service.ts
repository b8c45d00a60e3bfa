import type { Kysely } from 'kysely'
import type { AuthTables, Partner } from './auth.tables.js'
import { authErrors } from './errors.js'
import type { PartnerPrincipal } from './principal.js'
import { randomBytes } from 'node:crypto'
import { hashSecret, randomSecret, secretMatches } from './secret-token.js'

/** MOSIP's partner types (partner management service). */
export const partnerTypes = [
  'Auth_Partner',
  'Online_Verification_Partner',
  'Credential_Partner',
  'Device_Provider',
  'FTM_Provider',
  'MISP_Partner',
  'ABIS_Partner',
  'Manual_Adjudication',
] as const

export type PartnerType = (typeof partnerTypes)[number]

const keyPattern = /^mpk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

/**
 * Relying parties and their API keys. A key is `mpk_<key id>_<secret>`: the id finds the row,
 * only a SHA-256 of the secret is stored, and the whole key is shown once, at creation.
 */
export class PartnersService {
  constructor(private readonly db: Kysely<AuthTables>) {}

  list(): Promise<Partner[]> {
    return this.db.selectFrom('auth.partner').selectAll().orderBy('id').execute()
  }

  async create(
    input: { id: string; name: string; type: PartnerType; policy?: Record<string, unknown> },
    createdBy: string,
  ) {
    const partner = await this.db
      .insertInto('auth.partner')
      .values({
        id: input.id,
        name: input.name,
        partner_type: input.type,
        status: 'ACTIVE',
        policy: JSON.stringify(input.policy ?? {}),
        created_by: createdBy,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!partner) throw authErrors.partnerExists(input.id)
    return partner
  }

  async setStatus(id: string, status: 'ACTIVE' | 'DEACTIVATED'): Promise<Partner> {
    const partner = await this.db
      .updateTable('auth.partner')
      .set({ status })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    if (!partner) throw authErrors.partnerNotFound(id)
    return partner
  }

  /** Issues a key; the returned `apiKey` is the only time the secret exists outside the caller. */
  async issueKey(partnerId: string, label: string, expiresAt?: Date) {
    const partner = await this.db
      .selectFrom('auth.partner')
      .select('id')
      .where('id', '=', partnerId)
      .executeTakeFirst()
    if (!partner) throw authErrors.partnerNotFound(partnerId)
    const keyId = randomBytes(6).toString('hex')
    const secret = randomSecret()
    await this.db
      .insertInto('auth.partner_api_key')
      .values({
        key_id: keyId,
        partner_id: partnerId,
        secret_hash: hashSecret(secret),
        label,
        expires_at: expiresAt ?? null,
      })
      .execute()
    return { keyId, apiKey: `mpk_${keyId}_${secret}` }
  }

  async listKeys(partnerId: string) {
    return this.db
      .selectFrom('auth.partner_api_key')
      .select(['key_id', 'label', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .where('partner_id', '=', partnerId)
      .orderBy('created_at')
      .execute()
  }

  async revokeKey(partnerId: string, keyId: string): Promise<void> {
    const result = await this.db
      .updateTable('auth.partner_api_key')
      .set({ revoked_at: new Date() })
      .where('partner_id', '=', partnerId)
      .where('key_id', '=', keyId)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw authErrors.partnerNotFound(`${partnerId} key ${keyId}`)
  }

  /** The partner an API key belongs to, or null when the key is unknown, revoked or expired. */
  async verifyKey(apiKey: string): Promise<PartnerPrincipal | null> {
    const match = keyPattern.exec(apiKey)
    if (!match) return null
    const [, keyId, secret] = match as unknown as [string, string, string]
    const row = await this.db
      .selectFrom('auth.partner_api_key as k')
      .innerJoin('auth.partner as p', 'p.id', 'k.partner_id')
      .select([
        'k.key_id',
        'k.secret_hash',
        'k.expires_at',
        'k.revoked_at',
        'p.id as partner_id',
        'p.status',
        'p.partner_type',
      ])
      .where('k.key_id', '=', keyId)
      .executeTakeFirst()
    if (!row || row.revoked_at || row.status !== 'ACTIVE') return null
    if (row.expires_at && row.expires_at <= new Date()) return null
    if (!secretMatches(secret, row.secret_hash)) return null
    // Record use at most once a minute: a write per request would halve the key's throughput.
    await this.db
      .updateTable('auth.partner_api_key')
      .set({ last_used_at: new Date() })
      .where('key_id', '=', keyId)
      .where((eb) =>
        eb.or([
          eb('last_used_at', 'is', null),
          eb('last_used_at', '<', new Date(Date.now() - 60_000)),
        ]),
      )
      .execute()
    return { kind: 'partner', partnerId: row.partner_id, keyId, partnerType: row.partner_type }
  }
}
