import { defaultLanguage, isLanguage, languageInfo, languages, type Language } from './languages.js'

const storageKey = 'mosaic.language'
const listeners = new Set<() => void>()

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey)
    return isLanguage(stored) ? stored : undefined
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for the page only.
    return undefined
  }
}

function preferredBrowserLanguage(): Language | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0]
    const match = languages.find((language) => language === base)
    if (match !== undefined) return match
  }
  return undefined
}

let current: Language = readStoredLanguage() ?? preferredBrowserLanguage() ?? defaultLanguage

/** Sets `<html lang dir>` so the browser, screen readers and CSS logical properties follow. */
function applyToDocument(language: Language): void {
  document.documentElement.lang = language
  document.documentElement.dir = languageInfo[language].dir
}

applyToDocument(current)

/** The language the user chose (or the best guess before they chose). */
export function getLanguage(): Language {
  return current
}

/** Switches language everywhere: document, subscribers, and the persisted choice. */
export function setLanguage(language: Language): void {
  if (language === current) return
  current = language
  try {
    window.localStorage.setItem(storageKey, language)
  } catch {
    // See readStoredLanguage: not persisting is acceptable.
  }
  applyToDocument(language)
  for (const listener of listeners) listener()
}

/** Calls `listener` after every language change; returns the unsubscribe function. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
