import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/platform/auth/index.js'
import { roles } from '../../src/platform/auth/index.js'
import { testBackends } from '../../src/platform/db/test-database.js'
import type { RouteEntry } from '../../src/platform/http/index.js'
import type { Module } from '../../src/platform/module.js'
import { allModules } from '../../src/modules.js'
import { startTestServer, type TestServer } from '../support/test-server.js'

/**
 * Every route that anyone may call without credentials. A new public route fails this test
 * until it is added here, so nothing becomes open by accident.
 */
const expectedPublic = new Set([
  'GET /',
  'GET /*',
  'GET /health',
  'GET /health/liveness',
  'GET /health/readiness',
  'GET /.well-known/jwks.json',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  'GET /docs',
  'GET /docs/json',
  'GET /docs/yaml',
  'GET /docs/static/*',
  'GET /docs/static/index.html',
  'GET /docs/static/swagger-initializer.js',
  // The transparency log is published for anyone to check (docs/integrity.md).
  'GET /integrity/checkpoint',
  'GET /integrity/key',
  'GET /integrity/checkpoints/:size',
  'GET /integrity/tile/*',
  'GET /integrity/digest',
  'GET /integrity/digest/:day',
  'GET /integrity/proof/inclusion',
  'GET /integrity/proof/consistency',
])

const sampleId = '00000000-0000-4000-8000-000000000000'

interface Call {
  method: string
  url: string
  path: string
  access: NonNullable<RouteEntry['access']>
}

function calls(catalog: RouteEntry[]): Call[] {
  return catalog.flatMap((route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (method) => method !== 'HEAD' && method !== 'OPTIONS',
    )
    const path = route.url.replace(/:[A-Za-z]+/g, sampleId).replace(/\*$/, 'x')
    return methods.map((method) => ({ method, url: route.url, path, access: route.access! }))
  })
}

describe.each(testBackends)('route access on %s', (backend) => {
  let server: TestServer
  let routes: Call[]
  const tokens = new Map<Role, { authorization: string }>()

  beforeAll(async () => {
    server = await startTestServer(backend)
    routes = calls(server.app.routeCatalog())
    const admin = await server.bearer()
    for (const role of roles) {
      const username = `only-${role.toLowerCase().replaceAll('_', '-')}`
      const password = `correct-horse-${role.length}-battery`
      const created = await fetch(`${server.url}/api/v1/staff-users`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ username, displayName: username, roles: [role], zones: ['*'] }),
      })
      const { response } = (await created.json()) as {
        response: { user: { id: string }; oneTimePassword: string }
      }
      // Sign in with the one-time password and change it, as a new user would.
      const first = await server.bearer(username, response.oneTimePassword)
      const changed = await fetch(`${server.url}/api/v1/auth/password`, {
        method: 'POST',
        headers: { ...first, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: response.oneTimePassword, newPassword: password }),
      })
      expect(changed.status).toBe(200)
      tokens.set(role, await server.bearer(username, password))
    }
  })
  afterAll(async () => server?.stop())

  it('declares access on every route and opens only the expected ones', () => {
    expect(routes.length).toBeGreaterThan(20)
    const open = new Set(
      routes.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.url}`),
    )
    expect([...open].sort()).toEqual([...expectedPublic].sort())
  })

  it('refuses every non-public route without credentials', async () => {
    const guarded = routes.filter((r) => r.access.kind !== 'public')
    for (const route of guarded) {
      const response = await fetch(`${server.url}${route.path}`, { method: route.method })
      const body = (await response.json()) as { errors: { errorCode: string }[] }
      expect({
        route: `${route.method} ${route.url}`,
        status: response.status,
        code: body.errors[0]?.errorCode,
      }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'KER-ATH-401',
      })
    }
  })

  it('refuses staff routes to staff without one of the required roles', async () => {
    let checked = 0
    for (const route of routes) {
      if (route.access.kind !== 'staff' || route.access.roles.length === 0) continue
      const allowed = route.access.roles
      const outsider = roles.find((role) => !allowed.includes(role))
      if (!outsider) continue
      const response = await fetch(`${server.url}${route.path}`, {
        method: route.method,
        headers: tokens.get(outsider),
      })
      expect({ route: `${route.method} ${route.url}`, status: response.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
      })
      checked++
    }
    expect(checked).toBeGreaterThan(5)
  })

  it('refuses partner, resident and metrics routes to the wrong kind of caller', async () => {
    const auditor = tokens.get('AUDITOR')!
    for (const route of routes) {
      const kind = route.access.kind
      if (kind !== 'partner' && kind !== 'resident' && kind !== 'scrape') continue
      const response = await fetch(`${server.url}${route.path}`, {
        method: route.method,
        headers: auditor,
      })
      const expected = kind === 'scrape' ? 403 : 401
      expect({ route: `${route.method} ${route.url}`, status: response.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: expected,
      })
    }
  })
})

describe('a route without an access declaration', () => {
  it('stops the server from starting, naming the route', async () => {
    const careless: Module = {
      name: 'careless',
      description: 'registers an undeclared route',
      dependsOn: [],
      migrations: [],
      async start({ app }) {
        app.get('/api/v1/careless', async () => ({ oops: true }))
        return {}
      },
    }
    await expect(
      startTestServer(testBackends[0]!, { modules: [...allModules, careless] }),
    ).rejects.toThrow('Routes without an access declaration (config.access): GET /api/v1/careless')
  })
})
