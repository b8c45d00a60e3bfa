import type { Kysely } from 'kysely'
import type { TemplateChannel } from './notify-template.js'
import type { NotifyTables, TemplateRow } from './notify.tables.js'

type NotifyDb = Kysely<NotifyTables>

/** Overrides of one template on one channel, in any of `languages`. */
export async function findTemplateOverrides(
  db: NotifyDb,
  name: string,
  channel: TemplateChannel,
  languages: readonly string[],
): Promise<TemplateRow[]> {
  return db
    .selectFrom('notify.template')
    .selectAll()
    .where('name', '=', name)
    .where('channel', '=', channel)
    .where('language', 'in', languages)
    .execute()
}

/** Every override, ordered by name, channel, language. */
export async function listTemplateOverrides(db: NotifyDb): Promise<TemplateRow[]> {
  return db
    .selectFrom('notify.template')
    .selectAll()
    .orderBy('name')
    .orderBy('channel')
    .orderBy('language')
    .execute()
}

/** Inserts or replaces the override for (name, channel, language). */
export async function upsertTemplateOverride(db: NotifyDb, row: TemplateRow): Promise<void> {
  await db
    .insertInto('notify.template')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['name', 'channel', 'language']).doUpdateSet({
        subject: row.subject,
        body_text: row.body_text,
        body_html: row.body_html,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute()
}

/** Removes an override; resolves to whether there was one. */
export async function deleteTemplateOverride(
  db: NotifyDb,
  key: { name: string; channel: TemplateChannel; language: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('notify.template')
    .where('name', '=', key.name)
    .where('channel', '=', key.channel)
    .where('language', '=', key.language)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}
