import type { Language } from './languages.js'
import { ar } from './messages-ar.js'
import { en, type MessageKey, type Messages } from './messages-en.js'
import { fr } from './messages-fr.js'

/** Values for `{placeholders}` in a message. */
export type MessageVars = Readonly<Record<string, string | number>>

const dictionaries: Record<Language, Messages> = { en, fr, ar }

/**
 * The message for `key` in `language`, with `{name}` placeholders replaced from `vars`.
 * An unknown placeholder is left as written so a mistake shows up on screen, not as a blank.
 */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[language][key]
  if (vars === undefined) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}
