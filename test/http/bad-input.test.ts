import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { access, mosipRequestOf, ok } from '../../src/platform/http/index.js'
import type { Module } from '../../src/platform/module.js'
import { allModules } from '../../src/modules.js'
import { call } from '../support/http-client.js'
import { startTestServer, type TestServer } from '../support/test-server.js'

/** A module with the kinds of routes modules write, to probe the platform's handling. */
const probe: Module = {
  name: 'probe',
  description: 'routes for the bad-input tests',
  dependsOn: [],
  migrations: [],
  async start({ app }) {
    app.post(
      '/api/v1/probe/mosip',
      {
        config: { access: access.staff() },
        schema: {
          body: mosipRequestOf(
            'mosip.probe',
            z.object({
              individualId: z.string().regex(/^\d{10}$/),
              channels: z.array(z.enum(['EMAIL', 'PHONE'])),
            }),
          ),
        },
      },
      async (request) => ok({ echoed: request.body.request.individualId }, request.body.id),
    )
    app.get('/api/v1/probe/crash', { config: { access: access.staff() } }, async () => {
      throw new Error('database password is hunter2')
    })
    return {}
  },
}

describe('bad input and faults', () => {
  let server: TestServer
  let admin: { authorization: string }
  beforeAll(async () => {
    server = await startTestServer('pglite', {
      modules: [...allModules, probe],
      overrides: { server: { bodyLimitBytes: 4096 } },
    })
    admin = await server.bearer()
  })
  afterAll(async () => server?.stop())

  const url = (path: string) => `${server.url}${path}`

  it('answers malformed JSON with a 400 MOSIP error, not a stack trace', async () => {
    const reply = await call(url('/api/v1/auth/login'), { body: '{"username": "admin",' })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ response: null, errors: [{ errorCode: 'MOS-REQ-002' }] })
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(js|ts):\d+/)
  })

  it('names each missing or mistyped field', async () => {
    const reply = await call(url('/api/v1/auth/login'), { body: { username: 42 } })
    expect(reply.status).toBe(400)
    const messages = reply.body.errors.map((e) => e.message)
    expect(reply.body.errors.every((e) => e.errorCode === 'MOS-REQ-001')).toBe(true)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Invalid input parameter - body\.username: /),
        expect.stringMatching(/^Invalid input parameter - body\.password: /),
      ]),
    )
  })

  it('validates the MOSIP request envelope and names nested fields', async () => {
    const good = {
      id: 'mosip.probe',
      version: '1.0',
      requesttime: '2026-11-24T10:00:00.000Z',
      request: { individualId: '2345678901', channels: ['EMAIL'] },
    }
    const accepted = await call<{ echoed: string }>(url('/api/v1/probe/mosip'), {
      headers: admin,
      body: good,
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      id: 'mosip.probe',
      version: '1.0',
      response: { echoed: '2345678901' },
      errors: [],
    })

    const bad = { ...good, id: 'mosip.other', request: { individualId: '12', channels: ['FAX'] } }
    const rejected = await call(url('/api/v1/probe/mosip'), { headers: admin, body: bad })
    expect(rejected.status).toBe(400)
    const messages = rejected.body.errors.map((e) => e.message).join('\n')
    expect(messages).toContain('body.id')
    expect(messages).toContain('body.request.individualId')
    expect(messages).toContain('body.request.channels.0')
  })

  it('checks credentials before looking at the body', async () => {
    const reply = await call(url('/api/v1/probe/mosip'), { body: '{not json' })
    expect(reply.status).toBe(401)
  })

  it('refuses bodies over the limit with 413 and unknown content types with 415', async () => {
    const big = await call(url('/api/v1/auth/login'), {
      body: { username: 'a'.repeat(5000), password: 'x' },
    })
    expect(big.status).toBe(413)
    expect(big.body.errors[0]?.errorCode).toBe('MOS-REQ-413')
    const text = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    })
    expect(text.status).toBe(415)
    expect(((await text.json()) as { errors: { errorCode: string }[] }).errors[0]?.errorCode).toBe(
      'MOS-REQ-415',
    )
  })

  it('answers unknown routes with a JSON 404', async () => {
    const reply = await call(url('/api/v1/nothing-here'))
    expect(reply.status).toBe(404)
    expect(reply.body.errors[0]?.errorCode).toBe('MOS-REQ-404')
  })

  it('hides the cause of an internal error and names the request id instead', async () => {
    const reply = await call(url('/api/v1/probe/crash'), {
      headers: { ...admin, 'x-request-id': 'trace-123' },
    })
    expect(reply.status).toBe(500)
    expect(reply.body.errors).toEqual([
      { errorCode: 'MOS-SYS-500', message: 'Internal error (request trace-123)' },
    ])
    expect(JSON.stringify(reply.body)).not.toContain('hunter2')
    expect(reply.headers.get('x-request-id')).toBe('trace-123')
  })

  it('sets security headers and a request id on every response', async () => {
    const response = await fetch(url('/health'))
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const spoofed = await fetch(url('/health'), {
      headers: { 'x-request-id': 'bad id with spaces' },
    })
    expect(spoofed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('publishes an OpenAPI document with each route’s security', async () => {
    const response = await fetch(url('/docs/json'))
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>
    }
    expect(document.paths['/api/v1/staff-users']?.get?.security).toEqual([{ staffToken: [] }])
    expect(document.paths['/api/v1/auth/login']?.post?.security).toEqual([])
    expect(document.paths['/api/v1/partner/whoami']?.get?.security).toEqual([{ partnerApiKey: [] }])
    const page = await fetch(url('/docs'), { redirect: 'follow' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('swagger')
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client exceeds the login limit', async () => {
    const server = await startTestServer('pglite', {
      overrides: { server: { loginRateLimitPerMinute: 3 } },
    })
    try {
      const statuses: number[] = []
      let last: Awaited<ReturnType<typeof call>> | undefined
      for (let i = 0; i < 5; i++) {
        last = await call(`${server.url}/api/v1/auth/login`, {
          body: { username: 'admin', password: 'wrong-password' },
        })
        statuses.push(last.status)
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      expect(last?.body.errors[0]?.errorCode).toBe('MOS-REQ-429')
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      await server.stop()
    }
  })
})
