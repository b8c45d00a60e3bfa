import type { ReactNode } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import { BrandMark, LanguagePicker } from '../shared/ui/index.js'
import './auth-layout.css'

// The decorative 6×3 mosaic, row by row: t teal, s sky, n navy, a amber, . plain.
const tones: Partial<Record<string, string>> = { t: 'teal', s: 'sky', n: 'navy', a: 'amber' }
const tiles = [...'t.s..n.a.n..s..ta.'].map((letter) => tones[letter])

/**
 * The frame of the signed-out pages: a brand panel at the inline start (a band on phones)
 * and the form on a calm surface, with the language picker always in reach.
 */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="auth">
      <aside className="auth__brand">
        <div className="auth__brand-top">
          <BrandMark size={40} />
          <div>
            <p className="auth__brand-name">{t('app.name')}</p>
            <p className="auth__tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <div className="auth__pitch">
          <p className="auth__pitch-title">{t('login.heroTitle')}</p>
          <p className="auth__pitch-body">{t('login.heroBody')}</p>
        </div>
        <div className="auth__tiles" aria-hidden="true">
          {tiles.map((tone, index) => (
            <span key={index} className={tone ? `auth__tile auth__tile--${tone}` : 'auth__tile'} />
          ))}
        </div>
      </aside>
      <div className="auth__main">
        <div className="auth__toolbar">
          <LanguagePicker />
        </div>
        <main className="auth__content">{children}</main>
      </div>
    </div>
  )
}
