import type { Ref } from 'react'
import { useI18n } from '../shared/i18n/index.js'
import { EmptyState, PageHeader } from '../shared/ui/index.js'
import type { Section } from './sections.js'

/** A section whose module has not arrived yet: its title and what it will hold. */
export function SectionPage({
  section,
  titleRef,
}: {
  section: Section
  titleRef: Ref<HTMLHeadingElement>
}) {
  const { t } = useI18n()
  return (
    <>
      <PageHeader
        eyebrow={section.group ? t(section.group) : undefined}
        title={t(section.label)}
        description={t(section.summary)}
        titleRef={titleRef}
      />
      {section.coming ? (
        <EmptyState icon={section.icon} title={t('section.comingTitle')} data-testid="empty-state">
          <p>{t(section.coming)}</p>
        </EmptyState>
      ) : null}
    </>
  )
}
