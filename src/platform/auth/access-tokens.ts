import { randomUUID } from 'node:crypto'
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { StaffPrincipal } from './principal.js'
import { roleSchema } from './roles.js'
import type { TokenKeys } from './token-keys.js'

const audience = 'mosaic'

const claimsSchema = z.object({
  sub: z.string(),
  sid: z.string(),
  preferred_username: z.string(),
  roles: z.array(roleSchema),
  zones: z.array(z.string()),
  mcp: z.boolean().optional(),
})

/** Issues and verifies the short-lived JWTs staff present as Bearer tokens. */
export class AccessTokens {
  constructor(
    private readonly keys: TokenKeys,
    private readonly issuer: string,
    private readonly lifetimeSeconds: number,
  ) {}

  async issue(
    user: {
      id: string
      username: string
      roles: string[]
      zones: string[]
      must_change_password: boolean
    },
    sessionId: string,
  ) {
    const key = await this.keys.current()
    const token = await new SignJWT({
      sid: sessionId,
      preferred_username: user.username,
      roles: user.roles,
      zones: user.zones,
      ...(user.must_change_password && { mcp: true }),
    })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(key.privateKey)
    return { accessToken: token, expiresIn: this.lifetimeSeconds }
  }

  /** The principal a valid token stands for, or null for any invalid or expired token. */
  async verify(token: string): Promise<StaffPrincipal | null> {
    try {
      const { kid } = decodeProtectedHeader(token)
      const key = kid ? await this.keys.publicKey(kid) : null
      if (!key) return null
      const { payload } = await jwtVerify(token, key, {
        issuer: this.issuer,
        audience,
        algorithms: ['EdDSA', 'ES256'],
        typ: 'at+jwt',
      })
      const claims = claimsSchema.parse(payload)
      return {
        kind: 'staff',
        userId: claims.sub,
        sessionId: claims.sid,
        username: claims.preferred_username,
        roles: claims.roles,
        zones: claims.zones,
        mustChangePassword: claims.mcp ?? false,
      }
    } catch {
      return null
    }
  }
}
