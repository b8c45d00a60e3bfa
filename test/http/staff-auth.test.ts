import { createLocalJWKSet, jwtVerify } from 'jose'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../src/platform/db/test-database.js'
import { call, cookieFrom } from '../support/http-client.js'
import { startTestServer, testAdmin, type TestServer } from '../support/test-server.js'

interface SignIn {
  accessToken: string
  expiresIn: number
  user: {
    id: string
    username: string
    displayName: string
    roles: string[]
    mustChangePassword: boolean
  }
}

/** A FieldCipher value: `f1.<kid>.<iv>.<ciphertext+tag>`, base64url parts (12-byte iv). */
const fieldCiphertext = /^f1\.[\w-]+\.[\w-]{16}\.[\w-]+$/

describe.each(testBackends)('staff sign-in on %s', (backend) => {
  let server: TestServer
  let admin: { authorization: string }
  const url = (path: string) => `${server.url}${path}`
  const login = (username: string, password: string) =>
    call<SignIn>(url('/api/v1/auth/login'), { body: { username, password } })

  /** Creates a user through the API and returns the one-time password. */
  async function createUser(username: string, roles: string[], zones = ['*'], as = admin) {
    const reply = await call<{ user: { id: string }; oneTimePassword: string }>(
      url('/api/v1/staff-users'),
      {
        headers: as,
        body: { username, displayName: `User ${username}`, roles, zones },
      },
    )
    expect(reply.status).toBe(200)
    return reply.body.response!
  }

  /** Creates a user and replaces the one-time password, returning a Bearer header. */
  async function activeUser(username: string, roles: string[], zones = ['*']) {
    const { oneTimePassword, user } = await createUser(username, roles, zones)
    const first = await login(username, oneTimePassword)
    const password = 'a-phrase-of-my-own-choosing'
    const changed = await call<SignIn>(url('/api/v1/auth/password'), {
      headers: { authorization: `Bearer ${first.body.response!.accessToken}` },
      body: { currentPassword: oneTimePassword, newPassword: password },
    })
    expect(changed.status).toBe(200)
    return {
      id: user.id,
      password,
      bearer: { authorization: `Bearer ${changed.body.response!.accessToken}` },
    }
  }

  beforeAll(async () => {
    server = await startTestServer(backend, {
      overrides: { auth: { maxFailedLogins: 3, lockoutSeconds: 600 } },
    })
    admin = await server.bearer()
  })
  afterAll(async () => server?.stop())

  it('signs in with a short-lived token and an HttpOnly, SameSite=Strict refresh cookie', async () => {
    const reply = await login('ADMIN ', testAdmin.password)
    expect(reply.status).toBe(200)
    expect(reply.body.response).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: 'admin', roles: ['ADMIN'] },
    })
    const cookie = reply.headers.getSetCookie().find((line) => line.startsWith('mosaic_refresh='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/)
  })

  it('publishes a JWKS that verifies the token independently', async () => {
    const { body } = await login('admin', testAdmin.password)
    const jwks = (await (await fetch(url('/.well-known/jwks.json'))).json()) as { keys: object[] }
    const { payload, protectedHeader } = await jwtVerify(
      body.response!.accessToken,
      createLocalJWKSet(jwks as never),
      {
        audience: 'mosaic',
      },
    )
    expect(protectedHeader.alg).toBe('EdDSA')
    expect(payload).toMatchObject({ preferred_username: 'admin', roles: ['ADMIN'], zones: ['*'] })
    expect(payload.exp! - payload.iat!).toBe(900)
  })

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', 'whatever-password')
    const wrong = await login('admin', 'whatever-password')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.body.errors).toEqual(wrong.body.errors)
  })

  it('locks an account after repeated failures, even against the right password', async () => {
    const { password } = await activeUser('locked.out', ['AUDITOR'])
    for (let i = 0; i < 2; i++)
      expect((await login('locked.out', 'not-the-password')).status).toBe(401)
    const third = await login('locked.out', 'not-the-password')
    expect(third.status).toBe(423)
    expect(third.body.errors[0]?.errorCode).toBe('MOS-AUT-423')
    expect((await login('locked.out', password)).status).toBe(423)
  })

  it('rotates the refresh token and revokes the session when an old one is replayed', async () => {
    const first = await login('admin', testAdmin.password)
    const original = cookieFrom(first.headers, 'mosaic_refresh')!
    const refresh = (token: string) =>
      call<SignIn>(url('/api/v1/auth/refresh'), {
        method: 'POST',
        headers: { cookie: `mosaic_refresh=${token}` },
      })
    const second = await refresh(original)
    expect(second.status).toBe(200)
    const rotated = cookieFrom(second.headers, 'mosaic_refresh')!
    expect(rotated).not.toBe(original)
    expect((await refresh(original)).status).toBe(401)
    // The replay ended the session, so the legitimate newer token is dead too.
    expect((await refresh(rotated)).status).toBe(401)
  })

  it('ends the session on logout', async () => {
    const first = await login('admin', testAdmin.password)
    const token = cookieFrom(first.headers, 'mosaic_refresh')!
    const out = await call(url('/api/v1/auth/logout'), {
      method: 'POST',
      headers: { cookie: `mosaic_refresh=${token}` },
    })
    expect(out.status).toBe(200)
    const after = await call(url('/api/v1/auth/refresh'), {
      method: 'POST',
      headers: { cookie: `mosaic_refresh=${token}` },
    })
    expect(after.status).toBe(401)
  })

  it('holds a user with a one-time password to changing it first', async () => {
    const { oneTimePassword } = await createUser('fresh.officer', ['REGISTRATION_OFFICER'])
    const first = await login('fresh.officer', oneTimePassword)
    expect(first.body.response?.user.mustChangePassword).toBe(true)
    const bearer = { authorization: `Bearer ${first.body.response!.accessToken}` }
    const blocked = await call(url('/api/v1/partners'), { headers: bearer })
    expect(blocked.status).toBe(403)
    expect(blocked.body.errors[0]?.errorCode).toBe('MOS-AUT-428')
    expect((await call(url('/api/v1/auth/me'), { headers: bearer })).status).toBe(200)
    const weak = await call(url('/api/v1/auth/password'), {
      headers: bearer,
      body: { currentPassword: oneTimePassword, newPassword: 'short' },
    })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0]).toMatchObject({ errorCode: 'MOS-AUT-400' })
  })

  it('signs a disabled user out for good', async () => {
    const user = await activeUser('soon.disabled', ['OPERATIONS'])
    const session = await login('soon.disabled', user.password)
    const refreshToken = cookieFrom(session.headers, 'mosaic_refresh')!
    const disabled = await call(url(`/api/v1/staff-users/${user.id}`), {
      method: 'PATCH',
      headers: admin,
      body: { status: 'DISABLED' },
    })
    expect(disabled.status).toBe(200)
    expect((await login('soon.disabled', user.password)).status).toBe(403)
    const refreshed = await call(url('/api/v1/auth/refresh'), {
      method: 'POST',
      headers: { cookie: `mosaic_refresh=${refreshToken}` },
    })
    expect(refreshed.status).toBe(401)
  })

  it('keeps administrators within their zones', async () => {
    const north = await activeUser('north.admin', ['ADMIN'], ['NTH'])
    await createUser('south.officer', ['REGISTRATION_OFFICER'], ['STH'])
    await createUser('north.officer', ['REGISTRATION_OFFICER'], ['NTH'])
    const outside = await call(url('/api/v1/staff-users'), {
      headers: north.bearer,
      body: { username: 'south.clerk', displayName: 'Clerk', roles: ['AUDITOR'], zones: ['STH'] },
    })
    expect(outside.status).toBe(403)
    const everywhere = await call(url('/api/v1/staff-users'), {
      headers: north.bearer,
      body: { username: 'root.clerk', displayName: 'Clerk', roles: ['AUDITOR'], zones: ['*'] },
    })
    expect(everywhere.status).toBe(403)
    const listed = await call<{ username: string }[]>(url('/api/v1/staff-users'), {
      headers: north.bearer,
    })
    const names = listed.body.response!.map((user) => user.username)
    expect(names).toContain('north.officer')
    expect(names).not.toContain('south.officer')
    expect(names).not.toContain('admin')
  })

  describe('display names at rest', () => {
    const storedName = async (id: string) =>
      (
        await sql<{ display_name: string }>`select display_name from auth.staff_user
          where id = ${id}`.execute(server.platform.db)
      ).rows[0]!.display_name
    const setStoredName = (id: string, value: string | ReturnType<typeof sql>) =>
      sql`update auth.staff_user set display_name = ${value} where id = ${id}`.execute(
        server.platform.db,
      )
    async function namedUser(username: string, displayName: string) {
      const reply = await call<{ user: SignIn['user']; oneTimePassword: string }>(
        url('/api/v1/staff-users'),
        { headers: admin, body: { username, displayName, roles: ['AUDITOR'], zones: ['*'] } },
      )
      expect(reply.status).toBe(200)
      expect(reply.body.response!.user.displayName).toBe(displayName)
      return reply.body.response!
    }

    it('stores every name encrypted and shows it decrypted wherever the API returns a user', async () => {
      const { user, oneTimePassword } = await namedUser('amina.diallo', 'Amina Diallo')
      const stored = await storedName(user.id)
      expect(stored).toMatch(fieldCiphertext)
      expect(stored).not.toContain('Amina')

      // Every row, the first administrator's (created at start) included.
      const { rows } = await sql<{ display_name: string }>`select display_name
        from auth.staff_user`.execute(server.platform.db)
      expect(rows.length).toBeGreaterThan(1)
      for (const row of rows) expect(row.display_name).toMatch(fieldCiphertext)
      expect(JSON.stringify(rows)).not.toMatch(/Administrator|Amina|User /)
      const me = await call<SignIn['user']>(url('/api/v1/auth/me'), { headers: admin })
      expect(me.body.response?.displayName).toBe('Administrator')

      const listed = await call<SignIn['user'][]>(url('/api/v1/staff-users'), { headers: admin })
      expect(listed.body.response!.find((u) => u.id === user.id)?.displayName).toBe('Amina Diallo')
      const signedIn = await login('amina.diallo', oneTimePassword)
      expect(signedIn.body.response?.user.displayName).toBe('Amina Diallo')
      const own = await call<SignIn['user']>(url('/api/v1/auth/me'), {
        headers: { authorization: `Bearer ${signedIn.body.response!.accessToken}` },
      })
      expect(own.body.response?.displayName).toBe('Amina Diallo')

      const renamed = await call<SignIn['user']>(url(`/api/v1/staff-users/${user.id}`), {
        method: 'PATCH',
        headers: admin,
        body: { displayName: 'Amina K. Diallo' },
      })
      expect(renamed.body.response?.displayName).toBe('Amina K. Diallo')
      const restored = await storedName(user.id)
      expect(restored).toMatch(fieldCiphertext)
      expect(restored).not.toBe(stored)
      expect(restored).not.toContain('Amina')
    })

    it("refuses a name copied onto another user's row instead of showing it", async () => {
      const owner = await namedUser('peter.banda', 'Peter Banda')
      const other = await namedUser('grace.phiri', 'Grace Phiri')
      await setStoredName(
        other.user.id,
        sql`(select display_name from auth.staff_user where id = ${owner.user.id})`,
      )

      const listed = await call(url('/api/v1/staff-users'), { headers: admin })
      expect(listed.status).toBe(500)
      expect(listed.body.errors[0]).toMatchObject({
        errorCode: 'MOS-AUT-500',
        message: expect.stringContaining(`staff user ${other.user.id}`),
      })
      expect(JSON.stringify(listed.body)).not.toContain('Peter')
      const signIn = await login('grace.phiri', other.oneTimePassword)
      expect(signIn.status).toBe(500)
      expect(signIn.body.errors[0]?.errorCode).toBe('MOS-AUT-500')
      expect(JSON.stringify(signIn.body)).not.toContain('Peter')

      // An administrator can set the name again; nothing needs the unreadable one first.
      const repaired = await call<SignIn['user']>(url(`/api/v1/staff-users/${other.user.id}`), {
        method: 'PATCH',
        headers: admin,
        body: { displayName: 'Grace Phiri' },
      })
      expect(repaired.status).toBe(200)
      expect(repaired.body.response?.displayName).toBe('Grace Phiri')
      expect((await call(url('/api/v1/staff-users'), { headers: admin })).status).toBe(200)
      expect((await login('grace.phiri', other.oneTimePassword)).status).toBe(200)
    })

    it('encrypts names an earlier version stored in plaintext, once, even from two processes', async () => {
      const { user } = await namedUser('old.clerk', 'Placeholder')
      // As written before names were encrypted.
      await setStoredName(user.id, 'Ngozi Okafor')
      const seal = () => server.platform.auth.sealPlaintextNames()
      const [first, second] = await Promise.all([seal(), seal()])
      expect(first + second).toBe(1)
      expect(await seal()).toBe(0)
      const stored = await storedName(user.id)
      expect(stored).toMatch(fieldCiphertext)
      expect(stored).not.toContain('Ngozi')
      const listed = await call<SignIn['user'][]>(url('/api/v1/staff-users'), { headers: admin })
      expect(listed.body.response!.find((u) => u.id === user.id)?.displayName).toBe('Ngozi Okafor')
    })
  })

  it('keeps accepting tokens signed before a key rotation', async () => {
    const before = await server.bearer()
    const rotated = await server.platform.keys.rotate('auth-jwt')
    // Another process may still trust its cached view of the active key for a while; this one
    // reads the store, so the next token is signed with the new key.
    const after = await login('admin', testAdmin.password)
    const header = JSON.parse(
      Buffer.from(after.body.response!.accessToken.split('.')[0]!, 'base64url').toString(),
    )
    expect(header.kid).toBe(rotated.kid)
    expect((await call(url('/api/v1/auth/me'), { headers: before })).status).toBe(200)
    const jwks = (await (await fetch(url('/.well-known/jwks.json'))).json()) as {
      keys: { kid: string }[]
    }
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2)
  })
})
