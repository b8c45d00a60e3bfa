import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { builtinTemplates } from './builtin-templates.js'
import type { NotifyTemplate } from './notify-template.js'
import { renderTemplate, templateVariables } from './render-template.js'

const card: NotifyTemplate = {
  name: 'card',
  channel: 'email',
  language: 'eng',
  subject: 'Card for {{ name }}',
  text: 'Hello {{name}}, your card {{cardNo}} is ready.',
  html: '<p title="{{name}}">Hello {{name}}, card <b>{{cardNo}}</b></p>',
}

describe('renderTemplate', () => {
  it('fills placeholders, allowing spaces inside the braces', () => {
    const out = renderTemplate(card, { name: 'Amina', cardNo: 42 })
    expect(out).toEqual({
      subject: 'Card for Amina',
      text: 'Hello Amina, your card 42 is ready.',
      html: '<p title="Amina">Hello Amina, card <b>42</b></p>',
    })
  })

  it('escapes values in the HTML body only', () => {
    const name = `<script>alert("x")</script> & O'Neil`
    const out = renderTemplate(card, { name, cardNo: '1' })
    expect(out.text).toContain(name)
    expect(out.html).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil">Hello ' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil, card <b>1</b></p>',
    )
  })

  it('keeps a value from adding lines to the subject', () => {
    const out = renderTemplate(card, { name: 'A\r\nBcc: victim@example.org', cardNo: 1 })
    expect(out.subject).toBe('Card for A Bcc: victim@example.org')
  })

  it('names every missing variable, and no values', () => {
    const error = (() => {
      try {
        renderTemplate(card, { unrelated: 'secret-value' })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'MOS-NTF-002', status: 400 })
    expect((error as AppError).message).toBe(
      "Template 'card' needs variables that were not given: cardNo, name",
    )
    expect((error as AppError).message).not.toContain('secret-value')
  })

  it('leaves text that is not a placeholder alone', () => {
    const t: NotifyTemplate = {
      name: 't',
      channel: 'sms',
      language: 'eng',
      text: '{{ 1x }} {x} {{y}',
    }
    expect(renderTemplate(t, {}).text).toBe('{{ 1x }} {x} {{y}')
  })
})

describe('built-in templates', () => {
  const groups = new Map<string, NotifyTemplate[]>()
  for (const t of builtinTemplates) {
    const key = `${t.name}/${t.channel}`
    groups.set(key, [...(groups.get(key) ?? []), t])
  }

  it.each([...groups.keys()])('%s exists in eng, fra and ara with the same variables', (key) => {
    const versions = groups.get(key) ?? []
    expect(versions.map((t) => t.language).sort()).toEqual(['ara', 'eng', 'fra'])
    const variables = versions.map(templateVariables)
    for (const v of variables) expect(v).toEqual(variables[0])
  })

  it.each(
    builtinTemplates
      .filter((t) => t.channel === 'email')
      .map((t) => [`${t.name}/${t.language}`, t] as const),
  )('%s has a subject, a text and an HTML body in its language', (_key, t) => {
    expect(t.subject).toBeTruthy()
    expect(t.html).toContain(`lang="${{ eng: 'en', fra: 'fr', ara: 'ar' }[t.language]}"`)
    expect(t.html).toContain(t.language === 'ara' ? 'dir="rtl"' : 'dir="ltr"')
  })

  it('renders the Arabic OTP SMS', () => {
    const t = builtinTemplates.find(
      (b) => b.name === 'otp' && b.channel === 'sms' && b.language === 'ara',
    )
    expect(renderTemplate(t as NotifyTemplate, { otp: '483920', minutes: 5 }).text).toBe(
      'رمز التحقق الخاص بك هو 483920. تنتهي صلاحيته خلال 5 دقيقة. لا تشاركه مع أحد.',
    )
  })
})
