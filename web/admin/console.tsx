import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import type { StaffUser } from '../shared/staff-auth.js'
import { AppShell, type NavGroup } from '../shared/ui/index.js'
import { OverviewPage } from './overview-page.js'
import { ReportingArea } from './reporting/reporting-area.js'
import { SectionPage } from './section-page.js'
import { sectionFor, sectionHref, sections } from './sections.js'
import { useHashRoute } from './use-hash-route.js'
import { UserArea } from './user-area.js'

/** The signed-in console: the shell, its navigation, and the page of the current section. */
export function Console(props: {
  user: StaffUser
  flash: 'password-changed' | undefined
  onSignedOut: () => void
}) {
  const { t } = useI18n()
  const section = sectionFor(useHashRoute())
  const titleRef = useRef<HTMLHeadingElement>(null)
  const [firstSection] = useState(section.id)

  // After navigating (not on first arrival), move focus to the new page's heading so screen
  // reader and keyboard users start reading where the content changed.
  const visited = useRef(false)
  useEffect(() => {
    if (visited.current || section.id !== firstSection) {
      visited.current = true
      titleRef.current?.focus()
    }
  }, [section.id, firstSection])

  useEffect(() => {
    document.title = `${t(section.label)} · ${t('shell.consoleTitle')} · Mosaic`
  }, [section.label, t])

  const groups: NavGroup[] = []
  for (const item of sections) {
    const label = item.group ? t(item.group) : undefined
    let group = groups.find((candidate) => candidate.label === label)
    if (group === undefined) {
      group = label === undefined ? { items: [] } : { label, items: [] }
      groups.push(group)
    }
    group.items.push({
      id: item.id,
      label: t(item.label),
      href: sectionHref(item.id),
      icon: item.icon,
    })
  }

  return (
    <AppShell
      brandName={t('app.name')}
      productName={t('shell.consoleTitle')}
      homeHref={sectionHref('overview')}
      navLabel={t('shell.navLabel')}
      nav={groups}
      currentId={section.id}
      headerEnd={<UserArea user={props.user} onSignedOut={props.onSignedOut} />}
      labels={{
        skipToContent: t('app.skipToContent'),
        openMenu: t('shell.openMenu'),
        closeMenu: t('shell.closeMenu'),
      }}
    >
      {section.id === 'overview' ? (
        <OverviewPage user={props.user} flash={props.flash} titleRef={titleRef} />
      ) : section.id === 'reports' ? (
        <ReportingArea titleRef={titleRef} eyebrow={section.group ? t(section.group) : undefined} />
      ) : (
        <SectionPage section={section} titleRef={titleRef} />
      )}
    </AppShell>
  )
}
