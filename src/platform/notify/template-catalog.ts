import type { Kysely } from 'kysely'
import { builtinTemplates } from './builtin-templates.js'
import { notifyErrors } from './errors.js'
import {
  notifyTemplateSchema,
  type NotifyTemplate,
  type TemplateChannel,
} from './notify-template.js'
import type { NotifyTables, TemplateRow } from './notify.tables.js'
import {
  deleteTemplateOverride,
  findTemplateOverrides,
  listTemplateOverrides,
  upsertTemplateOverride,
} from './template.repository.js'

/** A template as the catalog lists it: where it comes from, and whether it overrides a built-in. */
export interface CatalogTemplate extends NotifyTemplate {
  readonly source: 'builtin' | 'override'
  readonly updatedAt?: Date
  readonly updatedBy?: string
}

/** Built-in templates overlaid with the programme's overrides, resolved by language. */
export interface TemplateCatalog {
  /**
   * The template to render: the first of (requested language, default language, 'eng') that
   * has one, an override winning over a built-in in the same language.
   */
  resolve(name: string, channel: TemplateChannel, language?: string): Promise<NotifyTemplate>
  /** Every template: built-ins not overridden, and overrides. */
  list(): Promise<CatalogTemplate[]>
  /** Validates and saves an override (a new language or template is fine). */
  upsert(template: unknown, updatedBy?: string): Promise<CatalogTemplate>
  /** Removes an override, so the built-in (if any) applies again. */
  remove(key: { name: string; channel: TemplateChannel; language: string }): Promise<boolean>
}

export function createTemplateCatalog(
  db: Kysely<NotifyTables>,
  defaultLanguage: string,
  now: () => Date = () => new Date(),
): TemplateCatalog {
  return {
    async resolve(name, channel, language) {
      const chain = [...new Set([language, defaultLanguage, 'eng'])].filter(
        (code): code is string => code !== undefined,
      )
      const overrides = await findTemplateOverrides(db, name, channel, chain)
      for (const code of chain) {
        const override = overrides.find((row) => row.language === code)
        if (override) return fromRow(override)
        const builtin = builtinTemplates.find(
          (t) => t.name === name && t.channel === channel && t.language === code,
        )
        if (builtin) return builtin
      }
      throw notifyErrors.templateNotFound(name, channel)
    },

    async list() {
      const overrides = (await listTemplateOverrides(db)).map(fromRow)
      const key = (t: NotifyTemplate) => `${t.name}/${t.channel}/${t.language}`
      const overridden = new Set(overrides.map(key))
      const builtins: CatalogTemplate[] = builtinTemplates
        .filter((t) => !overridden.has(key(t)))
        .map((t) => ({ ...t, source: 'builtin' }))
      return [...builtins, ...overrides].sort((a, b) => key(a).localeCompare(key(b)))
    },

    async upsert(input, updatedBy) {
      const parsed = notifyTemplateSchema.safeParse(input)
      if (!parsed.success) {
        const problem = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'template'}: ${issue.message}`)
          .join('; ')
        throw notifyErrors.invalidTemplate(problem)
      }
      const t = parsed.data
      const row: TemplateRow = {
        name: t.name,
        channel: t.channel,
        language: t.language,
        subject: t.subject ?? null,
        body_text: t.text,
        body_html: t.html ?? null,
        updated_at: now(),
        updated_by: updatedBy ?? null,
      }
      await upsertTemplateOverride(db, row)
      return fromRow(row)
    },

    remove: (key) => deleteTemplateOverride(db, key),
  }
}

function fromRow(row: TemplateRow): CatalogTemplate {
  return {
    name: row.name,
    channel: row.channel,
    language: row.language,
    ...(row.subject !== null && { subject: row.subject }),
    text: row.body_text,
    ...(row.body_html !== null && { html: row.body_html }),
    source: 'override',
    updatedAt: row.updated_at,
    ...(row.updated_by !== null && { updatedBy: row.updated_by }),
  }
}
