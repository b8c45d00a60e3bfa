import './charts.css'

/** One bar: a label, a value, and an optional action (drill-down). */
export interface Bar {
  key: string
  label: string
  value: number
  /** Extra text after the value, e.g. a stuck count. */
  note?: string
}

/**
 * Horizontal bars as inline SVG, one row each, growing from the inline start (mirrored in RTL
 * by the stylesheet). Decorative for assistive technology: the page shows the same numbers in a
 * table. With `onSelect`, each label is a button, so drill-down works from the keyboard.
 */
export function BarChart(props: {
  bars: readonly Bar[]
  label: string
  centered?: boolean
  onSelect?: (key: string) => void
  selected?: string | undefined
  testId?: string
}) {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value))
  return (
    <figure className="bar-chart" aria-label={props.label} data-testid={props.testId}>
      <ul className="bar-chart__rows">
        {props.bars.map((bar) => {
          const width = (bar.value / max) * 100
          const x = props.centered ? (100 - width) / 2 : 0
          return (
            <li key={bar.key} className="bar-chart__row">
              {props.onSelect ? (
                <button
                  type="button"
                  className="bar-chart__label bar-chart__label--action"
                  aria-pressed={props.selected === bar.key}
                  onClick={() => props.onSelect?.(bar.key)}
                >
                  {bar.label}
                </button>
              ) : (
                <span className="bar-chart__label">{bar.label}</span>
              )}
              <svg
                className={
                  props.centered ? 'bar-chart__track' : 'bar-chart__track bar-chart__track--start'
                }
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
              >
                <rect className="bar-chart__rail" x="0" y="0" width="100" height="10" rx="1" />
                <rect
                  className={
                    props.selected === bar.key
                      ? 'bar-chart__bar bar-chart__bar--selected'
                      : 'bar-chart__bar'
                  }
                  x={x}
                  y="0"
                  width={Math.max(width, bar.value > 0 ? 0.8 : 0)}
                  height="10"
                  rx="1"
                />
              </svg>
              <span className="bar-chart__value">
                {bar.value.toLocaleString()}
                {bar.note ? <span className="bar-chart__note"> {bar.note}</span> : null}
              </span>
            </li>
          )
        })}
      </ul>
    </figure>
  )
}
