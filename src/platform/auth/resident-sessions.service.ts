import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AuthTables } from './auth.tables.js'
import type { ResidentPrincipal } from './principal.js'
import { hashSecret, randomSecret } from './secret-token.js'

export const residentSessionCookie = 'mosaic_resident'

// A session ends after 12 hours whatever the activity, as OWASP advises for absolute timeouts.
const absoluteLifetimeSeconds = 12 * 3600

/**
 * Resident portal sessions: an opaque random cookie, stored only as a hash, with an idle
 * timeout that activity extends and an absolute one that it does not. How a resident proves
 * who they are (OTP, eSignet) belongs to the resident module; it calls `open` when satisfied.
 */
export class ResidentSessionsService {
  constructor(
    private readonly db: Kysely<AuthTables>,
    private readonly idleSeconds: number,
  ) {}

  async open(individualRef: string, authMethod: string) {
    const token = randomSecret()
    const now = Date.now()
    const id = randomUUID()
    const idleExpiresAt = new Date(now + this.idleSeconds * 1000)
    await this.db
      .insertInto('auth.resident_session')
      .values({
        token_hash: hashSecret(token),
        id,
        individual_ref: individualRef,
        auth_method: authMethod,
        idle_expires_at: idleExpiresAt,
        absolute_expires_at: new Date(now + absoluteLifetimeSeconds * 1000),
      })
      .execute()
    return { sessionId: id, token, idleExpiresAt }
  }

  /** The resident behind a session cookie, extending its idle timeout; null when not valid. */
  async verify(token: string): Promise<ResidentPrincipal | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
    const now = new Date()
    const session = await this.db
      .updateTable('auth.resident_session')
      .set({
        last_seen_at: now,
        idle_expires_at: (eb) =>
          eb.fn('least', [
            eb.val(new Date(now.getTime() + this.idleSeconds * 1000)),
            eb.ref('absolute_expires_at'),
          ]),
      })
      .where('token_hash', '=', hashSecret(token))
      .where('revoked_at', 'is', null)
      .where('idle_expires_at', '>', now)
      .returning(['id', 'individual_ref'])
      .executeTakeFirst()
    return session
      ? { kind: 'resident', sessionId: session.id, individualRef: session.individual_ref }
      : null
  }

  async describe(sessionId: string) {
    return this.db
      .selectFrom('auth.resident_session')
      .select(['id', 'auth_method', 'created_at', 'idle_expires_at', 'absolute_expires_at'])
      .where('id', '=', sessionId)
      .executeTakeFirst()
  }

  async close(sessionId: string): Promise<void> {
    await this.db
      .updateTable('auth.resident_session')
      .set({ revoked_at: new Date() })
      .where('id', '=', sessionId)
      .execute()
  }
}
