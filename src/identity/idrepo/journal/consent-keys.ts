import { sql, type Transaction } from 'kysely'

/**
 * Enrols (or replaces) the resident's Ed25519 consent key on a record. Only a change that is
 * itself consented does this (a registration or update packet), and the key is part of the
 * record's logged state, so a swapped key shows in the log.
 */
export async function enrolConsentKey(
  trx: Transaction<object>,
  uinRefId: string,
  publicKeyBase64: string,
  actor: string,
  at: Date,
): Promise<void> {
  await sql`
    insert into idrepo.consent_key (uin_ref_id, public_key, cr_by, cr_dtimes)
    values (${uinRefId}, ${Buffer.from(publicKeyBase64, 'base64')}, ${actor}, ${at})
    on conflict (uin_ref_id) do update
      set public_key = excluded.public_key, cr_by = excluded.cr_by, cr_dtimes = excluded.cr_dtimes`.execute(
    trx,
  )
}
