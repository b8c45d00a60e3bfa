export { I18nProvider, useI18n, type I18n } from './i18n-provider.js'
export { getLanguage, setLanguage, subscribeLanguage } from './language-store.js'
export {
  defaultLanguage,
  isLanguage,
  languageInfo,
  languages,
  type Direction,
  type Language,
} from './languages.js'
export type { MessageKey, Messages } from './messages-en.js'
export { translate, type MessageVars } from './translate.js'
