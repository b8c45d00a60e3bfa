import type { Ref } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import type { StaffUser } from '../shared/staff-auth.js'
import { Alert, Card, Icon, PageHeader } from '../shared/ui/index.js'
import { sectionHref, sections } from './sections.js'
import './overview-page.css'

function TagList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>
  return (
    <ul className="tag-list">
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  )
}

/** The landing page: a welcome card about the signed-in user, and the sections to come. */
export function OverviewPage(props: {
  user: StaffUser
  flash: 'password-changed' | undefined
  titleRef: Ref<HTMLHeadingElement>
}) {
  const { t } = useI18n()
  const { user } = props
  return (
    <>
      <PageHeader
        title={t('nav.overview')}
        description={t('overview.summary')}
        titleRef={props.titleRef}
      />
      <div className="overview">
        {props.flash === 'password-changed' ? (
          <Alert tone="success">{t('password.changed')}</Alert>
        ) : null}
        <Card className="welcome" data-testid="welcome-card">
          <div className="welcome__layout">
            <div className="welcome__intro">
              <h2 className="welcome__title" data-testid="welcome-title">
                {t('overview.welcome', { name: user.displayName })}
              </h2>
              <p className="muted">{t('overview.intro')}</p>
            </div>
            <dl className="facts">
              <div className="facts__row">
                <dt>{t('overview.username')}</dt>
                <dd>
                  <bdi className="mono">{user.username}</bdi>
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('overview.roles')}</dt>
                <dd data-testid="welcome-roles">
                  <TagList items={user.roles} empty={t('overview.none')} />
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('overview.zones')}</dt>
                <dd data-testid="welcome-zones">
                  <TagList items={user.zones} empty={t('overview.none')} />
                </dd>
              </div>
            </dl>
          </div>
        </Card>
        <Card title={t('overview.nextTitle')}>
          <p className="muted overview__next-body">{t('overview.nextBody')}</p>
          <ul className="tiles">
            {sections
              .filter((section) => section.coming !== undefined)
              .map((section) => (
                <li key={section.id}>
                  <a className="tile" href={sectionHref(section.id)}>
                    <span className="tile__icon">
                      <Icon name={section.icon} />
                    </span>
                    <span className="tile__text">
                      <span className="tile__title">{t(section.label)}</span>
                      <span className="tile__summary">{t(section.summary)}</span>
                    </span>
                    <span className="tile__arrow">
                      <Icon name="arrowForward" size={18} />
                    </span>
                  </a>
                </li>
              ))}
          </ul>
        </Card>
      </div>
    </>
  )
}
