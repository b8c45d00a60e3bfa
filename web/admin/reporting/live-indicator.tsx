import { describeError } from '../../shared/api.js'
import { useI18n } from '../../shared/i18n/index.js'
import type { LiveState } from './live-connection.js'

/** "Live · 10:42:05" with a dot, or "Reconnecting…" and why. */
export function LiveIndicator(props: { state: LiveState; at: string | undefined; error: unknown }) {
  const { t, language } = useI18n()
  const time = props.at
    ? new Date(props.at).toLocaleTimeString(language, { timeZone: 'UTC', timeZoneName: 'short' })
    : ''
  return (
    <p className={`live-indicator live-indicator--${props.state}`} data-testid="live-indicator">
      <span className="live-indicator__dot" aria-hidden="true" />
      <span>
        {props.state === 'live' ? t('rpt.live', { time }) : t(`rpt.${props.state}`)}
        {props.state === 'reconnecting' && props.error !== undefined ? (
          <span className="muted"> — {describeError(props.error, t)}</span>
        ) : null}
      </span>
    </p>
  )
}
