import { useId } from 'react'
import { useI18n } from '../../shared/i18n/index.js'
import { useReporting } from './reporting-context.js'

function DateInput(props: {
  label: string
  value: string
  onChange: (day: string) => void
  testId: string
}) {
  const id = useId()
  const { extent } = useReporting()
  return (
    <div className="filter">
      <label className="filter__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="filter__input"
        type="date"
        value={props.value}
        min={extent.firstDay ?? undefined}
        max={extent.lastDay ?? undefined}
        required
        data-testid={props.testId}
        onChange={(event) => event.target.value && props.onChange(event.target.value)}
      />
    </div>
  )
}

/** One day. */
export function DayFilter(props: { value: string; onChange: (day: string) => void }) {
  const { t } = useI18n()
  return (
    <DateInput
      label={t('rpt.date')}
      value={props.value}
      onChange={props.onChange}
      testId="filter-date"
    />
  )
}

/** A range of days, both included. */
export function RangeFilter(props: {
  value: { from: string; to: string }
  onChange: (range: { from: string; to: string }) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <DateInput
        label={t('rpt.from')}
        value={props.value.from}
        onChange={(from) => props.onChange({ ...props.value, from })}
        testId="filter-from"
      />
      <DateInput
        label={t('rpt.to')}
        value={props.value.to}
        onChange={(to) => props.onChange({ ...props.value, to })}
        testId="filter-to"
      />
    </>
  )
}

/** A center the user may see; `optional` adds "All centers" (the empty value). */
export function CenterFilter(props: {
  value: string
  onChange: (center: string) => void
  optional: boolean
}) {
  const { t } = useI18n()
  const { centers } = useReporting()
  const id = useId()
  return (
    <div className="filter">
      <label className="filter__label" htmlFor={id}>
        {t('rpt.center')}
      </label>
      <select
        id={id}
        className="filter__input"
        value={props.value}
        data-testid="filter-center"
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.optional ? <option value="">{t('rpt.allCenters')}</option> : null}
        {!props.optional && props.value === '' ? (
          <option value="">{t('rpt.pickCenter')}</option>
        ) : null}
        {centers.map((center) => (
          <option key={center.id} value={center.id}>
            {center.name ? `${center.id} · ${center.name}` : center.id}
          </option>
        ))}
      </select>
    </div>
  )
}
