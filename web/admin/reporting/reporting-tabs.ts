import { useSyncExternalStore } from 'react'
import type { MessageKey } from '../../shared/i18n/index.js'

/** The dashboards of the reporting area, by their slug in `#/reports/<slug>`. */
export const dashboards = [
  { id: 'overview', label: 'rpt.tab.overview' },
  { id: 'trends', label: 'rpt.tab.trends' },
  { id: 'centers', label: 'rpt.tab.centers' },
  { id: 'pipeline', label: 'rpt.tab.pipeline' },
  { id: 'rejections', label: 'rpt.tab.rejections' },
] as const satisfies readonly { id: string; label: MessageKey }[]

/** One dashboard's slug. */
export type DashboardId = (typeof dashboards)[number]['id']

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function currentDashboard(): DashboardId {
  const slug = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? ''
  return dashboards.find((dashboard) => dashboard.id === slug)?.id ?? 'overview'
}

/** The dashboard the URL names (`#/reports/trends` → `trends`); the overview by default. */
export function useDashboardRoute(): DashboardId {
  return useSyncExternalStore(subscribe, currentDashboard)
}

/** The link to a dashboard. */
export function dashboardHref(id: DashboardId): string {
  return `#/reports/${id}`
}
