import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../src/platform/db/test-database.js'
import { call } from '../support/http-client.js'
import { startTestServer, type TestServer } from '../support/test-server.js'

describe.each(testBackends)('partners, residents and operations on %s', (backend) => {
  let server: TestServer
  let admin: { authorization: string }
  const url = (path: string) => `${server.url}${path}`
  const metricsToken = 'scrape-token-0123456789abcdef'

  beforeAll(async () => {
    server = await startTestServer(backend, { overrides: { auth: { metricsToken } } })
    admin = await server.bearer()
  })
  afterAll(async () => server?.stop())

  it('lets a partner call with its API key until the key is revoked', async () => {
    const created = await call(url('/api/v1/partners'), {
      headers: admin,
      body: { id: 'bank-of-tests', name: 'Bank of Tests', type: 'Auth_Partner' },
    })
    expect(created.status).toBe(200)
    const issued = await call<{ keyId: string; apiKey: string }>(
      url('/api/v1/partners/bank-of-tests/api-keys'),
      {
        headers: admin,
        body: { label: 'branch tellers' },
      },
    )
    const { keyId, apiKey } = issued.body.response!
    expect(apiKey).toMatch(/^mpk_[0-9a-f]{12}_/)

    const viaHeader = await call(url('/api/v1/partner/whoami'), {
      headers: { 'x-api-key': apiKey },
    })
    expect(viaHeader.body.response).toEqual({
      partnerId: 'bank-of-tests',
      partnerType: 'Auth_Partner',
      keyId,
    })
    const viaAuthorization = await call(url('/api/v1/partner/whoami'), {
      headers: { authorization: `ApiKey ${apiKey}` },
    })
    expect(viaAuthorization.status).toBe(200)
    const forged = await call(url('/api/v1/partner/whoami'), {
      headers: { 'x-api-key': `${apiKey.slice(0, -2)}xx` },
    })
    expect(forged.status).toBe(401)

    const revoked = await call(url(`/api/v1/partners/bank-of-tests/api-keys/${keyId}`), {
      method: 'DELETE',
      headers: admin,
    })
    expect(revoked.status).toBe(200)
    expect(
      (await call(url('/api/v1/partner/whoami'), { headers: { 'x-api-key': apiKey } })).status,
    ).toBe(401)
  })

  it('stops every key of a deactivated partner', async () => {
    await server.platform.auth.partners.create(
      { id: 'closed-ministry', name: 'Closed', type: 'Credential_Partner' },
      'test',
    )
    const { apiKey } = await server.platform.auth.partners.issueKey('closed-ministry', 'main')
    expect(
      (await call(url('/api/v1/partner/whoami'), { headers: { 'x-api-key': apiKey } })).status,
    ).toBe(200)
    await server.platform.auth.partners.setStatus('closed-ministry', 'DEACTIVATED')
    expect(
      (await call(url('/api/v1/partner/whoami'), { headers: { 'x-api-key': apiKey } })).status,
    ).toBe(401)
  })

  it('keeps a resident session in a cookie, refuses cross-site changes, and ends it on logout', async () => {
    const { token } = await server.platform.auth.residentSessions.open('ref-of-a-resident', 'otp')
    const cookie = { cookie: `mosaic_resident=${token}` }
    const session = await call<{ authMethod: string }>(url('/api/v1/resident/session'), {
      headers: cookie,
    })
    expect(session.status).toBe(200)
    expect(session.body.response?.authMethod).toBe('otp')

    const crossSite = await call(url('/api/v1/resident/logout'), {
      method: 'POST',
      headers: { ...cookie, origin: 'https://evil.example' },
    })
    expect(crossSite.status).toBe(403)
    const out = await call(url('/api/v1/resident/logout'), {
      method: 'POST',
      headers: { ...cookie, origin: server.url },
    })
    expect(out.status).toBe(200)
    expect((await call(url('/api/v1/resident/session'), { headers: cookie })).status).toBe(401)
  })

  it('serves Prometheus metrics to the scrape token and to operations staff only', async () => {
    const scraped = await fetch(url('/metrics'), {
      headers: { authorization: `Bearer ${metricsToken}` },
    })
    expect(scraped.status).toBe(200)
    const text = await scraped.text()
    expect(text).toContain('http_server_request_duration_seconds_bucket')
    expect(text).toContain('process_cpu_user_seconds_total')
    expect((await fetch(url('/metrics'), { headers: admin })).status).toBe(200)
    expect(
      (
        await fetch(url('/metrics'), {
          headers: { authorization: 'Bearer wrong-token-0123456789' },
        })
      ).status,
    ).toBe(401)
  })

  it('reports health like Spring Boot, with details for operations staff only', async () => {
    const open = (await (await fetch(url('/health'))).json()) as {
      status: string
      components: Record<string, object>
    }
    expect(open.status).toBe('UP')
    expect(open.components.db).toEqual({ status: 'UP' })
    const detailed = (await (await fetch(url('/health'), { headers: admin })).json()) as {
      components: Record<string, { details?: { backend?: string } }>
    }
    expect(detailed.components.db?.details?.backend).toBe(backend)
    expect(detailed.components.bus?.details?.backend).toBe('outbox')
    const ready = await fetch(url('/health/readiness'))
    expect(ready.status).toBe(200)

    server.platform.health.register({
      name: 'abis',
      groups: ['readiness'],
      check: async () => ({ status: 'DOWN', details: { error: 'connection refused' } }),
    })
    const down = await fetch(url('/health'))
    expect(down.status).toBe(503)
    expect(((await down.json()) as { status: string }).status).toBe('DOWN')
    expect((await fetch(url('/health/readiness'))).status).toBe(503)
    expect((await fetch(url('/health/liveness'))).status).toBe(200)
  })
})
