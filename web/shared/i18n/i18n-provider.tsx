import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import { getLanguage, setLanguage, subscribeLanguage } from './language-store.js'
import { languageInfo, type Direction, type Language } from './languages.js'
import type { MessageKey } from './messages-en.js'
import { translate, type MessageVars } from './translate.js'

/** What components get from `useI18n()`. */
export interface I18n {
  language: Language
  dir: Direction
  setLanguage: (language: Language) => void
  t: (key: MessageKey, vars?: MessageVars) => string
}

const I18nContext = createContext<I18n | null>(null)

/** Makes the current language and `t` available below it; re-renders on a language change. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage)
  const t = useCallback(
    (key: MessageKey, vars?: MessageVars) => translate(language, key, vars),
    [language],
  )
  const value = useMemo<I18n>(
    () => ({ language, dir: languageInfo[language].dir, setLanguage, t }),
    [language, t],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language, its direction, a way to change it, and `t`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (value === null) throw new Error('useI18n() must be used inside <I18nProvider>')
  return value
}
