import type { MessageKey } from '../shared/i18n/index.js'
import type { IconName } from '../shared/ui/index.js'

/** The console sections, by the slug that appears in the URL (`#/<slug>`). */
export type SectionId =
  | 'overview'
  | 'reports'
  | 'registrations'
  | 'master-data'
  | 'fraud-cases'
  | 'consent'
  | 'integrity'
  | 'health'
  | 'logs'
  | 'notifications'
  | 'staff-users'

/** A section of the console and the words that describe it. */
export interface Section {
  id: SectionId
  icon: IconName
  label: MessageKey
  group: MessageKey | undefined
  summary: MessageKey
  /** What the section will hold and which module brings it; undefined once it has content. */
  coming: MessageKey | undefined
}

/**
 * The dictionary stem of each section whose module is still to come (`nav.<stem>` etc.); each
 * section's icon has the same name.
 */
type UpcomingStem = Exclude<
  IconName,
  'overview' | 'menu' | 'close' | 'logout' | 'globe' | 'user' | 'arrowForward' | 'clock'
>

// The keys are built from the stem; the typecheck fails if any of them is not in the dictionary.
function upcoming(id: SectionId, stem: UpcomingStem, group: MessageKey): Section {
  return {
    id,
    icon: stem,
    label: `nav.${stem}`,
    group,
    summary: `section.${stem}.summary`,
    coming: `section.${stem}.coming`,
  }
}

/** Every section, in navigation order. */
export const sections: readonly Section[] = [
  {
    id: 'overview',
    icon: 'overview',
    label: 'nav.overview',
    group: undefined,
    summary: 'overview.summary',
    coming: undefined,
  },
  {
    id: 'reports',
    icon: 'reports',
    label: 'nav.reports',
    group: 'nav.groupOperations',
    summary: 'section.reports.summary',
    coming: undefined,
  },
  upcoming('registrations', 'registrations', 'nav.groupOperations'),
  upcoming('master-data', 'masterData', 'nav.groupOperations'),
  upcoming('fraud-cases', 'fraudCases', 'nav.groupOversight'),
  upcoming('consent', 'consent', 'nav.groupOversight'),
  upcoming('integrity', 'integrity', 'nav.groupOversight'),
  upcoming('health', 'health', 'nav.groupSystem'),
  upcoming('logs', 'logs', 'nav.groupSystem'),
  upcoming('notifications', 'notifications', 'nav.groupSystem'),
  upcoming('staff-users', 'staffUsers', 'nav.groupSystem'),
]

/** The section a URL slug names, or the overview for anything unknown. */
export function sectionFor(slug: string): Section {
  const overview = sections[0]
  if (overview === undefined) throw new Error('sections is empty')
  return sections.find((section) => section.id === slug) ?? overview
}

/** The link to a section. */
export function sectionHref(id: SectionId): string {
  return `#/${id}`
}
