import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AuthTables } from './auth.tables.js'
import { hashSecret, randomSecret, secretMatches } from './secret-token.js'

type Db = Kysely<AuthTables>

/**
 * Staff sessions behind the refresh cookie. The cookie holds `<session id>.<secret>`; each
 * refresh replaces the secret. Presenting a replaced secret means the cookie was copied, so
 * the whole session is revoked (refresh-token reuse detection, RFC 9700 §4.14.2).
 */
export class StaffSessions {
  constructor(
    private readonly db: Db,
    private readonly lifetimeSeconds: number,
  ) {}

  async open(
    userId: string,
  ): Promise<{ sessionId: string; refreshToken: string; expiresAt: Date }> {
    const sessionId = randomUUID()
    const secret = randomSecret()
    const expiresAt = new Date(Date.now() + this.lifetimeSeconds * 1000)
    await this.db
      .insertInto('auth.staff_session')
      .values({
        id: sessionId,
        user_id: userId,
        refresh_hash: hashSecret(secret),
        expires_at: expiresAt,
      })
      .execute()
    return { sessionId, refreshToken: `${sessionId}.${secret}`, expiresAt }
  }

  /** Swaps a refresh token for a new one; null when it is invalid, expired, revoked or reused. */
  async rotate(
    refreshToken: string,
  ): Promise<{ sessionId: string; userId: string; refreshToken: string; expiresAt: Date } | null> {
    const [sessionId, secret] = refreshToken.split('.')
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) return null
    return this.db.transaction().execute(async (trx) => {
      const session = await trx
        .selectFrom('auth.staff_session')
        .selectAll()
        .where('id', '=', sessionId)
        .forUpdate()
        .executeTakeFirst()
      if (!session || session.revoked_at || session.expires_at <= new Date()) return null
      if (!secretMatches(secret, session.refresh_hash)) {
        await trx
          .updateTable('auth.staff_session')
          .set({ revoked_at: new Date(), revoked_reason: 'refresh token reused' })
          .where('id', '=', sessionId)
          .execute()
        return null
      }
      const next = randomSecret()
      await trx
        .updateTable('auth.staff_session')
        .set({ refresh_hash: hashSecret(next), refreshed_at: new Date() })
        .where('id', '=', sessionId)
        .execute()
      return {
        sessionId,
        userId: session.user_id,
        refreshToken: `${sessionId}.${next}`,
        expiresAt: session.expires_at,
      }
    })
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.db
      .updateTable('auth.staff_session')
      .set({ revoked_at: new Date(), revoked_reason: reason })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute()
  }

  /** Ends every session of a user except `keep` (after a password change, disable or reset). */
  async revokeAllOf(userId: string, reason: string, keep?: string): Promise<void> {
    let query = this.db
      .updateTable('auth.staff_session')
      .set({ revoked_at: new Date(), revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
    if (keep) query = query.where('id', '!=', keep)
    await query.execute()
  }
}
