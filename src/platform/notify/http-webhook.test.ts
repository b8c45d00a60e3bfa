import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { testBackends } from '../db/test-database.js'
import { createTestNotify, type TestNotify } from './test-notify.js'
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js'
import { generateWebhookSecret, verifyWebhook } from './webhook-signature.js'

describe.each(testBackends)('webhooks on %s', (backend) => {
  let t: TestNotify
  let receiver: TestHttpServer
  afterEach(async () => {
    await t?.close()
    await receiver?.close()
  })

  const secret = generateWebhookSecret()
  /** A receiver that verifies like a real one would: 401 on a bad signature. */
  const verifyingReceiver = (fail: (index: number) => number | undefined = () => undefined) =>
    startTestHttpServer((request, index) => {
      try {
        verifyWebhook({ secret, headers: request.headers, body: request.body, now: t.now() })
      } catch (error) {
        if (error instanceof AppError) return error.status
        throw error
      }
      return fail(index) ?? 204
    })

  it('POSTs a signed JSON event the receiver verifies', async () => {
    receiver = await verifyingReceiver()
    t = await createTestNotify(backend)
    const result = await t.notify.webhook({
      url: `${receiver.url}/hooks/mosaic`,
      event: 'case.opened',
      data: { caseId: 'C-17', score: 0.93 },
      secret,
    })
    expect(result).toMatchObject({ status: 'sent', channel: 'webhook', language: null })
    const request = receiver.received[0]!
    expect(request.path).toBe('/hooks/mosaic')
    expect(request.headers['webhook-id']).toBe(result.id)
    expect(request.headers['webhook-timestamp']).toBe(String(t.now().getTime() / 1000))
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    expect(JSON.parse(request.body)).toEqual({
      type: 'case.opened',
      timestamp: t.now().toISOString(),
      data: { caseId: 'C-17', score: 0.93 },
    })

    const tampered = request.body.replace('0.93', '0.10')
    expect(() =>
      verifyWebhook({ secret, headers: request.headers, body: tampered, now: t.now() }),
    ).toThrow('no signature matches')
  })

  it('retries on 5xx with the same id, signing each attempt afresh', async () => {
    receiver = await verifyingReceiver((index) => (index === 0 ? 503 : undefined))
    t = await createTestNotify(backend)
    const result = await t.notify.webhook({ url: receiver.url, event: 'ping', data: null, secret })
    expect(result.status).toBe('queued')
    t.advance(90_000)
    expect(await t.notify.retryDue()).toMatchObject({ sent: 1 })
    const [first, second] = receiver.received
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id'])
    expect(second!.body).toBe(first!.body)
    expect(Number(second!.headers['webhook-timestamp'])).toBe(
      Number(first!.headers['webhook-timestamp']) + 90,
    )
    expect(second!.headers['webhook-signature']).not.toBe(first!.headers['webhook-signature'])
  })

  it('fails for good when the receiver rejects the signature (4xx)', async () => {
    receiver = await verifyingReceiver()
    t = await createTestNotify(backend)
    const result = await t.notify.webhook({
      url: receiver.url,
      event: 'ping',
      data: {},
      secret: generateWebhookSecret(),
    })
    expect(result.status).toBe('failed')
    expect((await t.row(result.id)).last_error).toBe('http 401')
  })

  it('refuses a bad request without echoing its values', async () => {
    t = await createTestNotify(backend)
    const call = t.notify.webhook({
      url: 'ftp://hooks.example.org/x',
      event: 'bad event',
      data: {},
      secret: 'whsec_short',
    })
    await expect(call).rejects.toThrow(
      expect.objectContaining({ code: 'MOS-NTF-004', status: 400 }),
    )
    await expect(call).rejects.toThrow(/url: .*event: .*secret: /)
    await expect(call).rejects.not.toThrow(/hooks\.example\.org|whsec_short/)
  })
})
