import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { maxAttachmentBytes, sanitiseFilename } from './message-attachment.js'
import { parseMime } from './parse-mime.js'
import { createTestNotify, type TestNotify } from './test-notify.js'
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server.js'

describe('attachment file names', () => {
  it('keeps the last path segment and only safe characters', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd')
    expect(sanitiseFilename('C:\\reports\\day.csv')).toBe('day.csv')
    expect(sanitiseFilename('a"b;\r\nc.pdf')).toBe('a_b___c.pdf')
    expect(sanitiseFilename('.hidden')).toBe('hidden')
    expect(sanitiseFilename('///')).toBe('attachment')
    expect(sanitiseFilename('Résumé (2).pdf')).toBe('Résumé (2).pdf')
    expect(sanitiseFilename(`${'x'.repeat(300)}.csv`)).toHaveLength(120)
  })
})

describe.each(testBackends)('email attachments on %s', (backend) => {
  let t: TestNotify
  let smtp: TestSmtpServer | undefined
  afterEach(async () => {
    await t?.close()
    await smtp?.close()
    smtp = undefined
  })

  const alert = { alertName: 'Daily report', severity: 'info', startsAt: 'now', summary: 'x' }

  it('sends attachments as MIME parts whose bytes equal what was given, to several recipients', async () => {
    smtp = await startTestSmtpServer({ user: 'mosaic', pass: 'pw' })
    t = await createTestNotify(backend, { settings: { smtpUrl: smtp.url } })
    const csv = Buffer.from('\uFEFFdate,count\r\n2025-12-01,12\r\n', 'utf8')
    const pdf = randomBytes(200_000)
    const result = await t.notify.send({
      channel: 'email',
      to: ['ops@example.org', 'chief@example.org'],
      template: 'alert',
      variables: alert,
      attachments: [
        { filename: 'day.csv', contentType: 'text/csv; charset=utf-8', content: csv },
        { filename: '../report.pdf', contentType: 'application/pdf', content: pdf },
      ],
    })
    expect(result.status).toBe('sent')
    await expect.poll(() => smtp?.received.length).toBe(1)
    const mail = smtp.received[0]!
    expect(mail.rcptTo).toEqual(['ops@example.org', 'chief@example.org'])
    const parsed = parseMime(mail.raw)
    expect(parsed.headers.get('content-type')).toMatch(/^multipart\/mixed/)
    expect(parsed.text).toContain('Daily report')
    expect(parsed.attachments.map((a) => [a.filename, a.contentType.split(';')[0]])).toEqual([
      ['day.csv', 'text/csv'],
      ['report.pdf', 'application/pdf'],
    ])
    expect(parsed.attachments[0]!.content.equals(csv)).toBe(true)
    expect(parsed.attachments[1]!.content.equals(pdf)).toBe(true)
  })

  it('stores attachments encrypted, so a retry after a transient failure resends them', async () => {
    let refuse = true
    smtp = await startTestSmtpServer({
      user: 'mosaic',
      pass: 'pw',
      rejectRecipient: () => (refuse ? 451 : undefined),
    })
    t = await createTestNotify(backend, { settings: { smtpUrl: smtp.url } })
    const content = Buffer.from('reg_id\r\n10001100010000320250104080000\r\n')
    const first = await t.notify.send({
      channel: 'email',
      to: 'ops@example.org',
      template: 'alert',
      variables: alert,
      attachments: [{ filename: 'rids.csv', contentType: 'text/csv', content }],
    })
    expect(first.status).toBe('queued')
    const row = await t.row(first.id)
    expect(row.attachments).toMatch(/^f1\./)
    expect(row.attachments).not.toContain('10001100010000320250104080000')
    expect(row.attachments).not.toContain(content.toString('base64'))

    refuse = false
    t.advance(60_000)
    expect(await t.notify.retryDue()).toMatchObject({ attempted: 1, sent: 1 })
    await expect.poll(() => smtp?.received.length).toBe(1)
    const [attachment] = parseMime(smtp.received[0]!.raw).attachments
    expect(attachment?.filename).toBe('rids.csv')
    expect(attachment?.content.equals(content)).toBe(true)
    // The outbox shows the message without decrypting its (possibly large) attachments.
    expect((await t.notify.outbox.get(first.id)).text).toContain('Daily report')
  })

  it('refuses attachments on SMS and webhooks, and attachments over the size limit', async () => {
    t = await createTestNotify(backend)
    const file = { filename: 'a.csv', contentType: 'text/csv', content: Buffer.from('a') }
    await expect(
      t.notify.send({
        channel: 'sms',
        to: '+254700000001',
        template: 'otp',
        variables: { otp: '1', minutes: 1 },
        attachments: [file],
      } as never),
    ).rejects.toMatchObject({ code: 'MOS-NTF-006', status: 400 })
    await expect(
      t.notify.webhook({
        url: 'https://example.org/hook',
        event: 'a.b',
        data: {},
        secret: `whsec_${randomBytes(24).toString('base64')}`,
        attachments: [file],
      } as never),
    ).rejects.toMatchObject({ code: 'MOS-NTF-006' })
    const big = Buffer.alloc(maxAttachmentBytes / 2 + 1)
    await expect(
      t.notify.send({
        channel: 'email',
        to: 'ops@example.org',
        template: 'alert',
        variables: alert,
        attachments: [
          { ...file, content: big },
          { ...file, content: big },
        ],
      }),
    ).rejects.toMatchObject({ code: 'MOS-NTF-004' })
    await expect(
      t.notify.send({
        channel: 'email',
        to: 'ops@example.org',
        template: 'alert',
        variables: alert,
        attachments: [{ ...file, contentType: 'text/csv\r\nBcc: x@example.org' }],
      }),
    ).rejects.toMatchObject({ code: 'MOS-NTF-004' })
  })
})
