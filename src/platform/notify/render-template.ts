import { notifyErrors } from './errors.js'
import type { NotifyTemplate } from './notify-template.js'

/** Values for a template's placeholders. */
export type TemplateVariables = Readonly<Record<string, string | number>>

/** A template filled in: what is sent, and what the outbox stores encrypted. */
export interface RenderedContent {
  readonly subject?: string
  readonly text: string
  readonly html?: string
}

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

/** Names of every placeholder in the template's subject and bodies, sorted and unique. */
export function templateVariables(template: NotifyTemplate): string[] {
  const names = new Set<string>()
  for (const part of [template.subject, template.text, template.html]) {
    for (const match of (part ?? '').matchAll(placeholder)) names.add(match[1] as string)
  }
  return [...names].sort()
}

/**
 * Fills a template. Every placeholder must have a value (the error lists all that are
 * missing); values are HTML-escaped in the HTML body, and line breaks are dropped from the
 * subject so no value can add a mail header.
 *
 * @example
 * renderTemplate(otpEmail, { otp: '483920', minutes: 5 }).text
 */
export function renderTemplate(
  template: NotifyTemplate,
  variables: TemplateVariables,
): RenderedContent {
  const missing = templateVariables(template).filter((name) => !Object.hasOwn(variables, name))
  if (missing.length > 0) throw notifyErrors.missingVariables(template.name, missing)
  const fill = (part: string, escape: (value: string) => string) =>
    part.replace(placeholder, (_match, name: string) => escape(String(variables[name])))
  const same = (value: string) => value
  return {
    ...(template.subject !== undefined && {
      subject: fill(template.subject, same)
        .replace(/[\r\n]+/g, ' ')
        .trim(),
    }),
    text: fill(template.text, same),
    ...(template.html !== undefined && { html: fill(template.html, escapeHtml) }),
  }
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char] as string)
}
