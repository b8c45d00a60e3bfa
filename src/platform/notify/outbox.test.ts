import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import type { NotifyTables } from './notify.tables.js'
import { createTestNotify, type TestNotify } from './test-notify.js'

const phone = '+254711222333'
const email = 'wanjiru.kamau@example.org'
const otp = '918273'

describe.each(testBackends)('dev outbox on %s', (backend) => {
  let t: TestNotify
  afterEach(async () => t?.close())

  it('holds messages when no relay or gateway is configured, and the read API decrypts them', async () => {
    t = await createTestNotify(backend)
    const sms = await t.notify.send({
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    t.advance(1_000)
    const mail = await t.notify.send({
      channel: 'email',
      to: email,
      template: 'otp',
      language: 'ara',
      variables: { otp, minutes: 5 },
    })
    expect(sms).toMatchObject({ status: 'held', language: 'eng' })
    expect(mail).toMatchObject({ status: 'held', language: 'ara' })

    const stored = await t.notify.outbox.get(mail.id)
    expect(stored).toMatchObject({
      id: mail.id,
      channel: 'email',
      template: 'otp',
      language: 'ara',
      status: 'held',
      to: email,
      subject: 'رمز التحقق الخاص بك',
      attempts: 0,
      createdAt: t.now(),
    })
    expect(stored.text).toContain(otp)
    expect(stored.html).toContain(`<strong>${otp}</strong>`)
    expect((await t.notify.outbox.get(sms.id)).text).toBe(
      `Your verification code is ${otp}. It expires in 5 min. Do not share it.`,
    )
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 0 })
  })

  it('stores recipients and bodies encrypted: the raw rows hold no phone, address or OTP', async () => {
    t = await createTestNotify(backend)
    const a = await t.notify.send({
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    const b = await t.notify.send({
      channel: 'email',
      to: email,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    const rows = await t.database.db
      .withTables<NotifyTables>()
      .selectFrom('notify.message')
      .selectAll()
      .execute()
    expect(rows).toHaveLength(2)
    const raw = JSON.stringify(rows)
    for (const secret of [phone, phone.slice(1), email, 'wanjiru', otp])
      expect(raw).not.toContain(secret)
    for (const row of rows) {
      expect(row.recipient).toMatch(/^f1\./)
      expect(row.body_text).toMatch(/^f1\./)
    }
    // Ciphertexts are bound to their message and column: swapped values do not decrypt.
    const db = t.database.db.withTables<NotifyTables>()
    const rowA = rows.find((r) => r.id === a.id)!
    await db
      .updateTable('notify.message')
      .set({ recipient: rowA.recipient })
      .where('id', '=', b.id)
      .execute()
    await expect(t.notify.outbox.get(b.id)).rejects.toThrow(
      expect.objectContaining({
        code: 'MOS-NTF-500',
        message: `Stored message ${b.id} could not be decrypted`,
      }),
    )
  })

  it('logs ids, channels, templates and statuses, never content', async () => {
    t = await createTestNotify(backend)
    const result = await t.notify.send({
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    await expect.poll(() => t.logs.length).toBeGreaterThan(0)
    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toContainEqual(
      expect.objectContaining({
        'notify.message.id': result.id,
        'notify.channel': 'sms',
        'notify.template': 'otp',
        'notify.status': 'held',
      }),
    )
    const all = t.logs.join('\n')
    for (const secret of [phone, otp]) expect(all).not.toContain(secret)
  })

  it('lists newest first, filtered by channel and status, in pages', async () => {
    t = await createTestNotify(backend)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const channel = i % 2 === 0 ? 'sms' : 'email'
      const to = channel === 'sms' ? `+2547000000${i}0` : `user${i}@example.org`
      ids.push(
        (await t.notify.send({ channel, to, template: 'otp', variables: { otp: i, minutes: 5 } }))
          .id,
      )
    }
    const all = await t.notify.outbox.list()
    expect(all).toMatchObject({ total: 5, limit: 50, offset: 0 })
    expect(all.messages.map((m) => m.id)).toEqual([...ids].reverse())

    const sms = await t.notify.outbox.list({ channel: 'sms', status: 'held', limit: 2, offset: 1 })
    expect(sms.total).toBe(3)
    expect(sms.messages.map((m) => m.id)).toEqual([ids[2], ids[0]])
    expect(sms.messages.map((m) => m.to)).toEqual(['+254700000020', '+254700000000'])
    expect((await t.notify.outbox.list({ status: 'sent' })).total).toBe(0)
    await expect(t.notify.outbox.list({ limit: 1000 })).rejects.toThrow(
      expect.objectContaining({ code: 'MOS-NTF-004' }),
    )
  })

  it('reports an unknown id', async () => {
    t = await createTestNotify(backend)
    await expect(t.notify.outbox.get('0b0e6c1e-0000-4000-8000-000000000000')).rejects.toThrow(
      expect.objectContaining({ code: 'MOS-NTF-003', status: 404 }),
    )
  })

  it('stores one message per idempotency key', async () => {
    t = await createTestNotify(backend)
    const request = {
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
      idempotencyKey: 'event-42',
    } as const
    const first = await t.notify.send(request)
    const again = await t.notify.send(request)
    expect(again).toEqual({ ...first, duplicate: true })
    expect((await t.notify.outbox.list()).total).toBe(1)
  })

  it('refuses bad requests and missing variables without echoing values', async () => {
    t = await createTestNotify(backend)
    const bad = t.notify.send({
      channel: 'sms',
      to: 'call-me-maybe',
      template: 'otp',
      variables: {},
    })
    await expect(bad).rejects.toThrow(expect.objectContaining({ code: 'MOS-NTF-004' }))
    await expect(bad).rejects.not.toThrow(/call-me-maybe/)
    await expect(
      t.notify.send({ channel: 'sms', to: phone, template: 'otp', variables: { otp } }),
    ).rejects.toThrow("Template 'otp' needs variables that were not given: minutes")
    expect((await t.notify.outbox.list()).total).toBe(0)
  })

  it('purges old messages that are not waiting to be sent', async () => {
    t = await createTestNotify(backend)
    await t.notify.send({
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    t.advance(86_400_000)
    const recent = await t.notify.send({
      channel: 'sms',
      to: phone,
      template: 'otp',
      variables: { otp, minutes: 5 },
    })
    expect(await t.notify.purge(new Date(t.now().getTime() - 3_600_000))).toBe(1)
    expect((await t.notify.outbox.list()).messages.map((m) => m.id)).toEqual([recent.id])
  })
})
