import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { createTestNotify, type TestNotify } from './test-notify.js'
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js'

describe.each(testBackends)('SMS through an HTTP gateway on %s', (backend) => {
  let t: TestNotify
  let gateway: TestHttpServer
  afterEach(async () => {
    await t?.close()
    await gateway?.close()
  })

  const start = async (respond: (index: number) => number) => {
    gateway = await startTestHttpServer((_request, index) => respond(index))
    t = await createTestNotify(backend, {
      settings: { smsGatewayUrl: `${gateway.url}/sms/send`, smsGatewayToken: 'gw-token-123' },
    })
  }
  const sendOtp = () =>
    t.notify.send({
      channel: 'sms',
      to: '+254700000001',
      template: 'otp',
      language: 'fra',
      variables: { otp: '483920', minutes: 5 },
    })

  it('POSTs {to, message} with the Bearer token', async () => {
    await start(() => 200)
    const result = await sendOtp()
    expect(result).toMatchObject({ status: 'sent', channel: 'sms', language: 'fra' })
    expect(gateway.received).toHaveLength(1)
    const request = gateway.received[0]!
    expect(request.method).toBe('POST')
    expect(request.path).toBe('/sms/send')
    expect(request.headers.authorization).toBe('Bearer gw-token-123')
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['idempotency-key']).toBe(result.id)
    expect(JSON.parse(request.body)).toEqual({
      to: '+254700000001',
      message: 'Votre code de vérification est 483920. Il expire dans 5 min. Ne le partagez pas.',
    })
  })

  it('retries after a 500 and sends on the next attempt', async () => {
    await start((index) => (index === 0 ? 500 : 200))
    const result = await sendOtp()
    expect(result.status).toBe('queued')
    expect(await t.row(result.id)).toMatchObject({ attempts: 1, last_error: 'http 500' })

    t.advance(60_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 1, sent: 1 })
    expect(gateway.received).toHaveLength(2)
    expect(gateway.received[1]!.body).toBe(gateway.received[0]!.body)
    expect(await t.row(result.id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('fails for good on a 400 and never calls again', async () => {
    await start(() => 400)
    const result = await sendOtp()
    expect(result.status).toBe('failed')
    expect(await t.row(result.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'http 400',
    })
    t.advance(24 * 3_600_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 0 })
    expect(gateway.received).toHaveLength(1)
  })

  it('retries while the gateway is unreachable, then gives up after the last attempt', async () => {
    await start(() => 200)
    await gateway.close()
    await t.close()
    t = await createTestNotify(backend, {
      settings: { smsGatewayUrl: gateway.url },
      retry: { maxAttempts: 3 },
    })
    const result = await sendOtp()
    expect(result.status).toBe('queued')
    expect((await t.row(result.id)).last_error).toBe('network ECONNREFUSED')
    t.advance(3_600_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 1, requeued: 1 })
    t.advance(3_600_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 1, failed: 1 })
    expect(await t.row(result.id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'network ECONNREFUSED; gave up after 3 attempts',
    })
  })

  it('does not send an expired message', async () => {
    await start((index) => (index === 0 ? 503 : 200))
    const result = await t.notify.send({
      channel: 'sms',
      to: '+254700000001',
      template: 'otp',
      variables: { otp: '1', minutes: 1 },
      expiresAt: new Date(t.now().getTime() + 60_000),
    })
    expect(result.status).toBe('queued')
    t.advance(120_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 1, failed: 1 })
    expect(await t.row(result.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'expired',
    })
    expect(gateway.received).toHaveLength(1)
  })

  it('sends each due message once when sweeps run at the same time', async () => {
    await start((index) => (index < 6 ? 502 : 200))
    for (let i = 0; i < 6; i++) expect((await sendOtp()).status).toBe('queued')
    t.advance(3_600_000)
    const reports = await Promise.all([
      t.notify.retryDue(),
      t.notify.retryDue(),
      t.notify.retryDue(),
    ])
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(6)
    expect(gateway.received).toHaveLength(12)
    expect((await t.notify.outbox.list({ status: 'sent' })).total).toBe(6)
  })
})
