import { useEffect, useMemo, useState, type Ref } from 'react'
import { describeError } from '../../shared/api.js'
import { useI18n } from '../../shared/i18n/index.js'
import { Alert, Button, PageHeader, Spinner } from '../../shared/ui/index.js'
import { api } from '../admin-api.js'
import { CentersDashboard } from './centers-dashboard.js'
import { OverviewDashboard } from './overview-dashboard.js'
import { PipelineDashboard } from './pipeline-dashboard.js'
import { RejectionsDashboard } from './rejections-dashboard.js'
import { createReportingApi } from './reporting-api.js'
import { ReportingContext, type ReportingContextValue } from './reporting-context.js'
import { dashboardHref, dashboards, useDashboardRoute } from './reporting-tabs.js'
import { TrendsDashboard } from './trends-dashboard.js'
import './reporting.css'

const views = {
  overview: OverviewDashboard,
  trends: TrendsDashboard,
  centers: CentersDashboard,
  pipeline: PipelineDashboard,
  rejections: RejectionsDashboard,
} as const

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; value: ReportingContextValue }

/**
 * The console's Reports section: a page heading, the dashboards as links (`#/reports/<slug>`),
 * and the current dashboard. The catalog, the data's extent and the centers load once here.
 */
export function ReportingArea({
  titleRef,
  eyebrow,
}: {
  titleRef: Ref<HTMLHeadingElement>
  eyebrow: string | undefined
}) {
  const { t } = useI18n()
  const current = useDashboardRoute()
  const reporting = useMemo(() => createReportingApi(api), [])
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })

  useEffect(() => {
    let active = true
    setLoaded({ status: 'loading' })
    Promise.all([reporting.catalog(), reporting.extent(), reporting.centers()]).then(
      ([catalog, extent, centers]) =>
        active &&
        setLoaded({ status: 'ready', value: { api, reporting, catalog, extent, centers } }),
      (error: unknown) => active && setLoaded({ status: 'failed', error }),
    )
    return () => {
      active = false
    }
  }, [reporting, attempt])

  const View = views[current]
  const currentLabel = dashboards.find((dashboard) => dashboard.id === current)?.label
  return (
    <div className="reporting" data-testid="reporting-area">
      <PageHeader
        eyebrow={eyebrow}
        title={t('nav.reports')}
        description={t('rpt.summary')}
        titleRef={titleRef}
      />
      <nav className="reporting-tabs" aria-label={t('rpt.dashboards')} data-testid="reporting-tabs">
        <ul className="reporting-tabs__list">
          {dashboards.map((dashboard) => (
            <li key={dashboard.id}>
              <a
                className="reporting-tabs__link"
                href={dashboardHref(dashboard.id)}
                aria-current={dashboard.id === current ? 'page' : undefined}
                data-testid={`tab-${dashboard.id}`}
              >
                {t(dashboard.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="visually-hidden">{currentLabel ? t(currentLabel) : null}</h2>
      {loaded.status === 'loading' ? <Spinner label={t('rpt.loading')} /> : null}
      {loaded.status === 'failed' ? (
        <Alert tone="danger" data-testid="reporting-error">
          <p>{describeError(loaded.error, t)}</p>
          <Button variant="secondary" size="sm" onClick={() => setAttempt((n) => n + 1)}>
            {t('rpt.retry')}
          </Button>
        </Alert>
      ) : null}
      {loaded.status === 'ready' ? (
        <ReportingContext.Provider value={loaded.value}>
          {loaded.value.extent.lastDay === null ? (
            <Alert tone="info">{t('rpt.noData')}</Alert>
          ) : null}
          <View key={current} />
        </ReportingContext.Provider>
      ) : null}
    </div>
  )
}
