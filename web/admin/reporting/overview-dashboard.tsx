import { useI18n } from '../../shared/i18n/index.js'
import { Card, Spinner } from '../../shared/ui/index.js'
import { BarChart } from './charts/bar-chart.js'
import { Sparkline } from './charts/time-chart.js'
import { CountTable } from './count-table.js'
import { LiveIndicator } from './live-indicator.js'
import { groupCounts, type LiveSnapshot } from './live-snapshot.js'
import { useLiveSnapshot } from './use-live-snapshot.js'

const topCenters = 8

function Stat(props: { label: string; value: number; testId: string }) {
  return (
    <div className="stat">
      <dt className="stat__label">{props.label}</dt>
      <dd className="stat__value" data-testid={props.testId}>
        {props.value.toLocaleString()}
      </dd>
    </div>
  )
}

function Recent({ snapshot }: { snapshot: LiveSnapshot }) {
  const { t, language } = useI18n()
  return (
    <ol className="recent" data-testid="recent-activity">
      {snapshot.recent.map((event, index) => (
        <li key={`${event.at}-${index}`} className="recent__item">
          <time className="recent__time mono" dateTime={event.at}>
            {new Date(event.at).toLocaleTimeString(language, { timeZone: 'UTC' })}
          </time>
          <span className={`recent__kind recent__kind--${event.kind}`}>
            {t(
              event.kind === 'authentication'
                ? 'rpt.kindAuth'
                : event.kind === 'completed'
                  ? 'rpt.kindCompleted'
                  : 'rpt.kindStage',
            )}
          </span>
          <span className="recent__text">
            {[event.center, event.process, event.stage, event.status].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ol>
  )
}

/** Today, live: registrations, packets in flight, authentications and recent activity. */
export function OverviewDashboard() {
  const { t } = useI18n()
  const { snapshot, state, error } = useLiveSnapshot()
  if (snapshot === null)
    return (
      <div className="dashboard">
        <LiveIndicator state={state} at={undefined} error={error} />
        <Spinner label={t('rpt.loading')} />
      </div>
    )
  const today = snapshot.registrationsToday
  const byStatus = groupCounts(today.rows, (row) => row.status)
  const byProcess = groupCounts(today.rows, (row) => row.process)
  const byCenter = groupCounts(today.rows, (row) => row.center).slice(0, topCenters)
  const stages = snapshot.inFlight.byStage.map((row) => ({ label: row.stage, value: row.count }))
  const auth = snapshot.authentications
  const bars = (rows: { label: string; value: number }[]) =>
    rows.map((row) => ({ key: row.label, label: row.label, value: row.value }))
  return (
    <div className="dashboard" data-testid="overview-dashboard">
      <LiveIndicator state={state} at={snapshot.at} error={error} />
      <dl className="stats" aria-live="polite" aria-atomic="false">
        <Stat
          label={t('rpt.registrationsToday', { day: snapshot.day })}
          value={today.total}
          testId="live-registrations-total"
        />
        <Stat
          label={t('rpt.inFlight')}
          value={snapshot.inFlight.total}
          testId="live-in-flight-total"
        />
        <Stat label={t('rpt.authSuccess')} value={auth.success} testId="live-auth-success" />
        <Stat label={t('rpt.authFailure')} value={auth.failure} testId="live-auth-failure" />
      </dl>
      <div className="dashboard__grid">
        <Card title={t('rpt.byStatus')} headingLevel={3}>
          <BarChart bars={bars(byStatus)} label={t('rpt.byStatus')} />
          <CountTable
            emptyText={t('rpt.noRows')}
            caption={t('rpt.byStatus')}
            head={t('rpt.status')}
            rows={byStatus}
            testId="live-by-status"
          />
        </Card>
        <Card title={t('rpt.byProcess')} headingLevel={3}>
          <BarChart bars={bars(byProcess)} label={t('rpt.byProcess')} />
          <CountTable
            emptyText={t('rpt.noRows')}
            caption={t('rpt.byProcess')}
            head={t('rpt.process')}
            rows={byProcess}
            testId="live-by-process"
          />
        </Card>
        <Card title={t('rpt.topCenters', { count: topCenters })} headingLevel={3}>
          <BarChart bars={bars(byCenter)} label={t('rpt.topCenters', { count: topCenters })} />
          <CountTable
            emptyText={t('rpt.noRows')}
            caption={t('rpt.topCenters', { count: topCenters })}
            head={t('rpt.center')}
            rows={byCenter}
            testId="live-by-center"
          />
        </Card>
        <Card title={t('rpt.inFlightByStage')} headingLevel={3}>
          <BarChart bars={bars(stages)} label={t('rpt.inFlightByStage')} />
          <CountTable
            emptyText={t('rpt.noRows')}
            caption={t('rpt.inFlightByStage')}
            head={t('rpt.stage')}
            rows={stages}
            testId="live-by-stage"
          />
        </Card>
        <Card title={t('rpt.authPerMinute')} headingLevel={3}>
          <Sparkline
            values={auth.perMinute.map((minute) => minute.success + minute.failure)}
            testId="auth-sparkline"
          />
          <p className="muted">
            {t('rpt.authLastHour', { success: auth.success, failure: auth.failure })}
          </p>
        </Card>
        <Card title={t('rpt.recent')} headingLevel={3}>
          <p className="visually-hidden" aria-live="polite">
            {t('rpt.recentCount', { count: snapshot.recent.length })}
          </p>
          {snapshot.recent.length === 0 ? (
            <p className="muted">{t('rpt.noActivity')}</p>
          ) : (
            <Recent snapshot={snapshot} />
          )}
        </Card>
      </div>
    </div>
  )
}
