import { useEffect } from 'react'
import { useI18n, type MessageKey } from '../i18n/index.js'
import { BrandMark, Icon, LanguagePicker, type IconName } from '../ui/index.js'
import './placeholder.css'

/** The web apps that are still to be built. */
export type PlaceholderAppName = 'resident' | 'register' | 'verify'

const content: Record<PlaceholderAppName, { title: MessageKey; body: MessageKey; icon: IconName }> =
  {
    resident: {
      title: 'placeholder.resident.title',
      body: 'placeholder.resident.body',
      icon: 'user',
    },
    register: {
      title: 'placeholder.register.title',
      body: 'placeholder.register.body',
      icon: 'registrations',
    },
    verify: { title: 'placeholder.verify.title', body: 'placeholder.verify.body', icon: 'consent' },
  }

/** A branded page saying what an app will do, in the chosen language, until it exists. */
export function PlaceholderApp({ app }: { app: PlaceholderAppName }) {
  const { t } = useI18n()
  const { title, body, icon } = content[app]

  useEffect(() => {
    document.title = `${t(title)} · Mosaic`
  }, [t, title])

  return (
    <div className="placeholder">
      <header className="placeholder__bar">
        <span className="placeholder__brand">
          <BrandMark size={28} />
          <span className="placeholder__brand-name">{t('app.name')}</span>
          <span className="placeholder__tagline">{t('app.tagline')}</span>
        </span>
        <LanguagePicker />
      </header>
      <main className="placeholder__main">
        <section className="placeholder__card" data-testid="placeholder">
          <span className="placeholder__icon">
            <Icon name={icon} size={32} />
          </span>
          <p className="placeholder__badge">{t('placeholder.comingSoon')}</p>
          <h1 className="placeholder__title">{t(title)}</h1>
          <p className="placeholder__body">{t(body)}</p>
          <p className="placeholder__note">{t('placeholder.note')}</p>
          <a className="placeholder__link" href="/admin/">
            {t('placeholder.adminLink')}
            <Icon name="arrowForward" size={18} />
          </a>
        </section>
      </main>
    </div>
  )
}
