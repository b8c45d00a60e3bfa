import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { notifyJobs } from './notify.jobs.js'
import { createTestNotify, type TestNotify } from './test-notify.js'
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js'

describe.each(testBackends)('notify jobs on %s', (backend) => {
  let t: TestNotify
  let gateway: TestHttpServer
  afterEach(async () => {
    await t?.close()
    await gateway?.close()
  })

  it('retry drains every due message, batch after batch; purge applies the retention', async () => {
    gateway = await startTestHttpServer((_request, index) => (index < 23 ? 503 : 200))
    t = await createTestNotify(backend, { settings: { smsGatewayUrl: gateway.url } })
    for (let i = 0; i < 23; i++) {
      await t.notify.send({
        channel: 'sms',
        to: '+254700000001',
        template: 'otp',
        variables: { otp: i, minutes: 5 },
      })
    }
    const [retry, purge] = notifyJobs(t.notify, { retentionDays: 1, now: t.now })
    expect(retry).toMatchObject({ name: 'notify.retry', every: 30 })
    expect(purge).toMatchObject({ name: 'notify.purge', every: 3600 })

    t.advance(60_000)
    await retry!.run({ signal: new AbortController().signal })
    expect((await t.notify.outbox.list({ status: 'sent' })).total).toBe(23)

    t.advance(2 * 86_400_000)
    await purge!.run()
    expect((await t.notify.outbox.list()).total).toBe(0)
  })
})
