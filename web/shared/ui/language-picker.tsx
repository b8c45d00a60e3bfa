import { useId } from 'react'
import { isLanguage, languageInfo, languages, useI18n } from '../i18n/index.js'
import { Icon } from './icons.js'
import './language-picker.css'

/**
 * A native `<select>` of the supported languages, each named in its own language (so a user
 * who cannot read the current one still finds theirs). `tone="dark"` suits the app header.
 */
export function LanguagePicker({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { language, setLanguage, t } = useI18n()
  const id = useId()
  return (
    <div className={`language-picker language-picker--${tone}`}>
      <label htmlFor={id} className="language-picker__label">
        <Icon name="globe" size={18} />
        <span className="visually-hidden">{t('language.label')}</span>
      </label>
      <select
        id={id}
        className="language-picker__select"
        value={language}
        data-testid="language-picker"
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value)
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code} dir={languageInfo[code].dir}>
            {languageInfo[code].nativeName}
          </option>
        ))}
      </select>
      <svg
        className="language-picker__chevron"
        viewBox="0 0 12 12"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d="m3 4.5 3 3 3-3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>
  )
}
