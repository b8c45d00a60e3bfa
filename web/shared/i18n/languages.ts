/** Languages the web apps speak, by the code used in the UI and in `Accept-Language`. */
export const languages = ['en', 'fr', 'ar'] as const

/** One of the supported language codes. */
export type Language = (typeof languages)[number]

/** Text direction of a language. */
export type Direction = 'ltr' | 'rtl'

/** How each language names itself (shown in the picker) and which way it is written. */
export const languageInfo: Record<Language, { nativeName: string; dir: Direction }> = {
  en: { nativeName: 'English', dir: 'ltr' },
  fr: { nativeName: 'Français', dir: 'ltr' },
  ar: { nativeName: 'العربية', dir: 'rtl' },
}

/** The language used when nothing better is known. */
export const defaultLanguage: Language = 'en'

/** Narrows any string (a stored choice, a browser preference) to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}
