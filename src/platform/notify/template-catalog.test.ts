import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../db/test-database.js'
import { createTestNotify, type TestNotify } from './test-notify.js'

describe.each(testBackends)('template catalog on %s', (backend) => {
  let t: TestNotify
  afterEach(async () => t?.close())

  it('falls back from the requested language to the default language, then to eng', async () => {
    t = await createTestNotify(backend, { settings: { defaultLanguage: 'fra' } })
    const { templates } = t.notify
    expect((await templates.resolve('otp', 'sms', 'ara')).language).toBe('ara')
    expect((await templates.resolve('otp', 'sms', 'swa')).language).toBe('fra')
    expect((await templates.resolve('otp', 'sms')).language).toBe('fra')
    await templates.upsert({ name: 'only-eng', channel: 'sms', language: 'eng', text: 'Hi' })
    expect((await templates.resolve('only-eng', 'sms', 'swa')).language).toBe('eng')
  })

  it('prefers an override to the built-in in the same language, but not over a closer language', async () => {
    t = await createTestNotify(backend)
    const { templates } = t.notify
    await templates.upsert(
      { name: 'otp', channel: 'sms', language: 'eng', text: 'Code: {{otp}}' },
      'u-1',
    )
    expect((await templates.resolve('otp', 'sms', 'eng')).text).toBe('Code: {{otp}}')
    expect((await templates.resolve('otp', 'sms', 'fra')).text).toContain('Votre code')
    await templates.upsert({
      name: 'otp',
      channel: 'sms',
      language: 'swa',
      text: 'Nambari yako ni {{otp}}',
    })
    expect((await templates.resolve('otp', 'sms', 'swa')).text).toBe('Nambari yako ni {{otp}}')
  })

  it('lists built-ins and overrides, and removing an override restores the built-in', async () => {
    t = await createTestNotify(backend)
    const { templates } = t.notify
    const saved = await templates.upsert(
      {
        name: 'otp',
        channel: 'email',
        language: 'eng',
        subject: 'Code',
        text: '{{otp}}',
        html: '<b>{{otp}}</b>',
      },
      'u-1',
    )
    expect(saved).toMatchObject({ source: 'override', updatedBy: 'u-1', updatedAt: t.now() })
    const list = await templates.list()
    const otpEmailEng = list.filter(
      (x) => x.name === 'otp' && x.channel === 'email' && x.language === 'eng',
    )
    expect(otpEmailEng).toEqual([expect.objectContaining({ source: 'override', subject: 'Code' })])
    expect(list.filter((x) => x.source === 'builtin').length).toBeGreaterThanOrEqual(14)

    expect(await templates.remove({ name: 'otp', channel: 'email', language: 'eng' })).toBe(true)
    expect(await templates.remove({ name: 'otp', channel: 'email', language: 'eng' })).toBe(false)
    expect((await templates.resolve('otp', 'email', 'eng')).subject).toBe('Your verification code')
  })

  it('refuses invalid templates with the reason', async () => {
    t = await createTestNotify(backend)
    const { templates } = t.notify
    await expect(
      templates.upsert({ name: 'x', channel: 'email', language: 'eng', text: 'no subject' }),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'MOS-NTF-005', message: expect.stringContaining('subject') }),
    )
    await expect(
      templates.upsert({ name: 'x', channel: 'sms', language: 'eng', text: 't', html: '<p>t</p>' }),
    ).rejects.toThrow('an SMS template has text only')
    await expect(
      templates.upsert({ name: 'Bad Name', channel: 'sms', language: 'english', text: 't' }),
    ).rejects.toThrow(/name: .*language: /)
  })

  it('reports an unknown template in any language', async () => {
    t = await createTestNotify(backend)
    await expect(t.notify.templates.resolve('nope', 'sms', 'eng')).rejects.toThrow(
      expect.objectContaining({ code: 'MOS-NTF-001', status: 404 }),
    )
  })
})
