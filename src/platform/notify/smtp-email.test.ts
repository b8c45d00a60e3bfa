import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { parseMime } from './parse-mime.js'
import { createTestNotify, type TestNotify } from './test-notify.js'
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server.js'

describe.each(testBackends)('email over SMTP on %s', (backend) => {
  let t: TestNotify
  let smtp: TestSmtpServer
  afterEach(async () => {
    await t?.close()
    await smtp?.close()
  })

  const start = async (rejectRecipient?: (address: string) => number | undefined) => {
    smtp = await startTestSmtpServer({
      user: 'mosaic',
      pass: 's3cret pass',
      ...(rejectRecipient && { rejectRecipient }),
    })
    t = await createTestNotify(backend, {
      settings: { smtpUrl: smtp.url, mailFrom: 'Mosaic <no-reply@mosaic.test>' },
    })
  }

  it('sends a templated email in the chosen language, authenticated, with text and HTML parts', async () => {
    await start()
    const result = await t.notify.send({
      channel: 'email',
      to: 'amina@example.org',
      template: 'welcome-staff',
      language: 'fra',
      variables: {
        name: 'Amina <Admin>',
        username: 'amina',
        loginUrl: 'https://id.example.org/admin',
      },
    })
    expect(result).toMatchObject({ status: 'sent', language: 'fra', duplicate: false })

    await expect.poll(() => smtp.received.length).toBe(1)
    const mail = smtp.received[0]!
    expect(mail.user).toBe('mosaic')
    expect(mail.mailFrom).toBe('no-reply@mosaic.test')
    expect(mail.rcptTo).toEqual(['amina@example.org'])
    const parsed = parseMime(mail.raw)
    expect(parsed.headers.get('subject')).toBe('Bienvenue sur Mosaic')
    expect(parsed.headers.get('from')).toBe('Mosaic <no-reply@mosaic.test>')
    expect(parsed.headers.get('to')).toBe('amina@example.org')
    expect(parsed.headers.get('content-language')).toBe('fr')
    expect(parsed.headers.get('x-mosaic-message-id')).toBe(result.id)
    expect(parsed.headers.get('x-mosaic-template')).toBe('welcome-staff')
    expect(parsed.headers.get('content-type')).toMatch(/^multipart\/alternative/)
    expect(parsed.text).toContain('Bonjour Amina <Admin>,')
    expect(parsed.text).toContain('Nom d’utilisateur : amina')
    expect(parsed.html).toContain('<html lang="fr" dir="ltr">')
    expect(parsed.html).toContain('Bonjour Amina &lt;Admin&gt;,')
    expect(parsed.html).toContain('<a href="https://id.example.org/admin">')

    const row = await t.row(result.id)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sent_at: t.now(), last_error: null })
  })

  it('sends Arabic with a right-to-left HTML part and an encoded subject', async () => {
    await start()
    await t.notify.send({
      channel: 'email',
      to: 'omar@example.org',
      template: 'otp',
      language: 'ara',
      variables: { otp: '771204', minutes: 10 },
    })
    await expect.poll(() => smtp.received.length).toBe(1)
    const parsed = parseMime(smtp.received[0]!.raw)
    expect(parsed.headers.get('subject')).toBe('رمز التحقق الخاص بك')
    expect(parsed.headers.get('content-language')).toBe('ar')
    expect(parsed.text).toContain('رمز التحقق الخاص بك هو 771204')
    expect(parsed.html).toContain('dir="rtl"')
  })

  it('fails for good when the relay refuses the recipient (5xx)', async () => {
    await start((address) => (address.startsWith('nobody@') ? 550 : undefined))
    const result = await t.notify.send({
      channel: 'email',
      to: 'nobody@example.org',
      template: 'otp',
      variables: { otp: '1', minutes: 5 },
    })
    expect(result.status).toBe('failed')
    expect(await t.row(result.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'smtp 550',
    })
    t.advance(3_600_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 0 })
  })

  it('retries a deferral (4xx) with backoff and sends it later', async () => {
    let deferrals = 1
    await start(() => (deferrals-- > 0 ? 451 : undefined))
    const result = await t.notify.send({
      channel: 'email',
      to: 'later@example.org',
      template: 'otp',
      variables: { otp: '2', minutes: 5 },
    })
    expect(result.status).toBe('queued')
    const queued = await t.row(result.id)
    expect(queued).toMatchObject({ attempts: 1, last_error: 'smtp 451' })
    expect(queued.next_attempt_at!.getTime()).toBeGreaterThan(t.now().getTime())

    expect(await t.notify.retryDue()).toMatchObject({ attempted: 0 })
    t.advance(60_000)
    expect(await t.notify.retryDue()).toEqual({
      attempted: 1,
      sent: 1,
      failed: 0,
      requeued: 0,
      held: 0,
    })
    await expect.poll(() => smtp.received.length).toBe(1)
    expect(await t.row(result.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
  })

  it('keeps the message queued when the relay refuses the login (a configuration problem)', async () => {
    smtp = await startTestSmtpServer({ user: 'mosaic', pass: 'right' })
    t = await createTestNotify(backend, {
      settings: { smtpUrl: smtp.url.replace(':right@', ':wrong@') },
    })
    const result = await t.notify.send({
      channel: 'email',
      to: 'amina@example.org',
      template: 'otp',
      variables: { otp: '3', minutes: 5 },
    })
    expect(result.status).toBe('queued')
    expect(await t.row(result.id)).toMatchObject({ attempts: 1, last_error: 'smtp 535' })
    expect(smtp.received).toEqual([])
  })
})
