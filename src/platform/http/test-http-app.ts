import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { pino } from 'pino'
import { createAuth, type Role, type TokenKeys } from '../auth/index.js'
import { settingsSchema } from '../config/index.js'
import type { FieldCipher } from '../crypto/index.js'
import type { Db } from '../db/index.js'
import { createMetrics } from '../telemetry/metrics.js'
import { createHttpApp, type HttpApp } from './create-http-app.js'

const signingKey = generateKeyPairSync('ed25519')
/** In-memory signing keys: route tests need tokens, not a key store. */
const testTokenKeys: TokenKeys = {
  current: async () => ({ kid: 'k1', alg: 'EdDSA', privateKey: signingKey.privateKey }),
  publicKey: async (kid) => (kid === 'k1' ? signingKey.publicKey : null),
  jwks: async () => [],
}
/** Staff accounts are not served here (no auth routes), so no staff name is ever encrypted. */
const noStaffNames: FieldCipher = {
  encrypt: () => Promise.reject(new Error('the test HTTP app stores no staff names')),
  decrypt: () => Promise.reject(new Error('the test HTTP app stores no staff names')),
}

/**
 * A quiet HTTP app with the real access guard, for testing one part's routes without the whole
 * server; `staffToken` makes a bearer header for a staff member with the given roles.
 */
export async function createTestHttpApp(db: Db): Promise<{
  app: HttpApp
  staffToken(roles: Role[], username?: string): Promise<string>
}> {
  const auth = createAuth({
    db,
    keys: testTokenKeys,
    cipher: noStaffNames,
    settings: settingsSchema.parse({}),
    issuer: 'http://localhost',
  })
  const app = await createHttpApp({
    logger: pino({ level: 'silent' }),
    metrics: createMetrics(),
    guard: auth.guard,
    bodyLimitBytes: 1_048_576,
    rateLimitPerMinute: 1000,
    trustProxy: false,
  })
  return {
    app,
    async staffToken(roles, username = 'staff') {
      const user = { id: randomUUID(), username, roles, zones: ['*'], must_change_password: false }
      return `Bearer ${(await auth.tokens.issue(user, randomUUID())).accessToken}`
    },
  }
}
