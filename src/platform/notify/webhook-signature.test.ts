import { describe, expect, it } from 'vitest'
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookSecretSchema,
} from './webhook-signature.js'

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const at = new Date(1614265330 * 1000)

describe('webhook signatures (Standard Webhooks)', () => {
  it('matches the Standard Webhooks reference vector', () => {
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      secret,
      body: '{"test": 2432232314}',
      timestamp: 1614265330,
    })
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    })
  })

  it('accepts a genuine request, from Node headers or fetch Headers, string or bytes', () => {
    const body = '{"type":"case.opened","data":{"n":1}}'
    const headers = signWebhook({ id: 'm1', secret, body, timestamp: 1614265330 })
    expect(() => verifyWebhook({ secret, headers, body, now: at })).not.toThrow()
    expect(() =>
      verifyWebhook({
        secret,
        headers: new Headers({ ...headers }),
        body: Buffer.from(body),
        now: at,
      }),
    ).not.toThrow()
  })

  it.each([
    ['a tampered body', { body: '{"type":"case.opened","data":{"n":2}}' }, 'no signature matches'],
    ['another secret', { secret: generateWebhookSecret() }, 'no signature matches'],
    [
      'a replayed request',
      { now: new Date(at.getTime() + 301_000) },
      'timestamp outside the tolerance',
    ],
    ['missing headers', { headers: {} }, 'missing webhook headers'],
  ])('rejects %s', (_name, change, reason) => {
    const body = '{"type":"case.opened","data":{"n":1}}'
    const headers = signWebhook({ id: 'm1', secret, body, timestamp: 1614265330 })
    const call = () => verifyWebhook({ secret, headers, body, now: at, ...change })
    expect(call).toThrow(expect.objectContaining({ code: 'MOS-NTF-401', status: 401 }))
    expect(call).toThrow(reason)
  })

  it('accepts any of several signatures, as while a secret is rotated', () => {
    const body = '{}'
    const old = signWebhook({
      id: 'm1',
      secret: generateWebhookSecret(),
      body,
      timestamp: 1614265330,
    })
    const current = signWebhook({ id: 'm1', secret, body, timestamp: 1614265330 })
    const headers = {
      ...current,
      'webhook-signature': `${old['webhook-signature']} ${current['webhook-signature']}`,
    }
    expect(() => verifyWebhook({ secret, headers, body, now: at })).not.toThrow()
  })

  it('generates secrets the schema accepts and refuses short keys', () => {
    expect(webhookSecretSchema.safeParse(generateWebhookSecret()).success).toBe(true)
    expect(webhookSecretSchema.safeParse('whsec_c2hvcnQ=').success).toBe(false)
    expect(webhookSecretSchema.safeParse('plain-text-secret').success).toBe(false)
  })
})
