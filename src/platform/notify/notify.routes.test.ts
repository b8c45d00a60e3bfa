import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '../auth/index.js'
import { testBackends } from '../db/test-database.js'
import type { HttpApp } from '../http/index.js'
import { createTestHttpApp } from '../http/test-http-app.js'
import { registerNotifyRoutes } from './notify.routes.js'
import { createTestNotify, type TestNotify } from './test-notify.js'

describe.each(testBackends)('notify routes on %s', (backend) => {
  let t: TestNotify
  let app: HttpApp
  afterEach(async () => {
    await app?.close()
    await t?.close()
  })

  const start = async () => {
    t = await createTestNotify(backend)
    const test = await createTestHttpApp(t.database.db)
    app = test.app
    registerNotifyRoutes(app, t.notify)
    await app.ready()
    const token = (roles: Role[]) => test.staffToken(roles, 'admin')
    return { admin: await token(['ADMIN']), officer: await token(['REGISTRATION_OFFICER']) }
  }

  it('lets an administrator read the outbox, decrypted, and one message by id', async () => {
    const { admin } = await start()
    const sent = await t.notify.send({
      channel: 'sms',
      to: '+254700000001',
      template: 'otp',
      variables: { otp: '555111', minutes: 5 },
    })
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/notify/outbox?channel=sms&limit=10',
      headers: { authorization: admin },
    })
    expect(list.statusCode).toBe(200)
    expect(list.json().response).toMatchObject({
      total: 1,
      limit: 10,
      offset: 0,
      messages: [
        { id: sent.id, to: '+254700000001', status: 'held', createdAt: t.now().toISOString() },
      ],
    })
    const one = await app.inject({
      method: 'GET',
      url: `/api/v1/notify/outbox/${sent.id}`,
      headers: { authorization: admin },
    })
    expect(one.json().response.text).toContain('555111')
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/notify/outbox/${randomUUID()}`,
      headers: { authorization: admin },
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().errors[0].errorCode).toBe('MOS-NTF-003')
  })

  it('refuses anyone but an administrator', async () => {
    const { officer } = await start()
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/notify/outbox' })
    expect(anonymous.statusCode).toBe(401)
    for (const url of ['/api/v1/notify/outbox', '/api/v1/notify/templates']) {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: officer } })
      expect(response.statusCode).toBe(403)
    }
  })

  it('lists templates and saves and removes an override', async () => {
    const { admin } = await start()
    const url = '/api/v1/notify/templates/otp/sms/swa'
    const saved = await app.inject({
      method: 'PUT',
      url,
      headers: { authorization: admin },
      payload: { text: 'Nambari yako ya uthibitisho ni {{otp}}.' },
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().response).toMatchObject({
      language: 'swa',
      source: 'override',
      updatedAt: t.now().toISOString(),
    })

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/notify/templates',
      headers: { authorization: admin },
    })
    const names = list
      .json()
      .response.map(
        (x: { name: string; channel: string; language: string }) =>
          `${x.name}/${x.channel}/${x.language}`,
      )
    expect(names).toEqual(
      expect.arrayContaining(['otp/sms/swa', 'otp/email/fra', 'welcome-staff/email/ara']),
    )

    const invalid = await app.inject({
      method: 'PUT',
      url: '/api/v1/notify/templates/otp/email/eng',
      headers: { authorization: admin },
      payload: { text: 'no subject' },
    })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().errors[0].errorCode).toBe('MOS-NTF-005')

    const removed = await app.inject({ method: 'DELETE', url, headers: { authorization: admin } })
    expect(removed.json().response).toEqual({ removed: true })
  })
})
