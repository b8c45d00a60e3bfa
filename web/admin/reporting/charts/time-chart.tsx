import './charts.css'

/** One line or set of columns over the days of a range. */
export interface Series {
  name: string
  values: readonly number[]
}

const width = 640
const height = 220
const pad = { top: 12, right: 12, bottom: 28, left: 44 }

/**
 * Values per day as inline SVG lines or grouped columns, with a y scale, the first, middle and
 * last day on the x axis, and a legend. Time runs left to right in every language, as on a
 * calendar. Decorative for assistive technology: the page shows the numbers in a table.
 */
export function TimeChart(props: {
  days: readonly string[]
  series: readonly Series[]
  kind: 'line' | 'bar'
  label: string
  testId?: string
}) {
  const { days, series } = props
  const max = Math.max(1, ...series.flatMap((s) => s.values))
  const plotW = width - pad.left - pad.right
  const plotH = height - pad.top - pad.bottom
  const step = days.length > 0 ? plotW / days.length : plotW
  const y = (value: number) => pad.top + plotH - (value / max) * plotH
  const xCenter = (index: number) => pad.left + step * index + step / 2
  const ticks = [0, Math.round(max / 2), max]
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])
  const groupW = step * 0.8
  const barW = series.length > 0 ? groupW / series.length : groupW
  return (
    <figure className="time-chart" aria-label={props.label} data-testid={props.testId}>
      <svg viewBox={`0 0 ${width} ${height}`} className="time-chart__svg" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className="time-chart__grid"
              x1={pad.left}
              x2={width - pad.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className="time-chart__tick" x={pad.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick.toLocaleString()}
            </text>
          </g>
        ))}
        {days.map((day, index) =>
          labelled.has(index) ? (
            <text
              key={day}
              className="time-chart__tick"
              x={xCenter(index)}
              y={height - 8}
              textAnchor="middle"
            >
              {day.slice(5)}
            </text>
          ) : null,
        )}
        {series.map((s, seriesIndex) =>
          props.kind === 'line' ? (
            <g key={s.name} className={`time-chart__series time-chart__series--${seriesIndex}`}>
              <polyline
                fill="none"
                points={s.values.map((value, index) => `${xCenter(index)},${y(value)}`).join(' ')}
              />
              {s.values.map((value, index) => (
                <circle key={days[index]} cx={xCenter(index)} cy={y(value)} r="3" />
              ))}
            </g>
          ) : (
            <g key={s.name} className={`time-chart__series time-chart__series--${seriesIndex}`}>
              {s.values.map((value, index) => (
                <rect
                  key={days[index]}
                  x={xCenter(index) - groupW / 2 + barW * seriesIndex}
                  y={y(value)}
                  width={Math.max(1, barW - 1)}
                  height={pad.top + plotH - y(value)}
                />
              ))}
            </g>
          ),
        )}
      </svg>
      <figcaption className="time-chart__legend">
        {series.map((s, index) => (
          <span key={s.name} className="time-chart__key">
            <span
              className={`time-chart__swatch time-chart__swatch--${index}`}
              aria-hidden="true"
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

/** A small line of recent values (authentications per minute); decorative. */
export function Sparkline({ values, testId }: { values: readonly number[]; testId?: string }) {
  const max = Math.max(1, ...values)
  const w = 160
  const h = 36
  const stepX = values.length > 1 ? w / (values.length - 1) : w
  const points = values.map((value, index) => `${index * stepX},${h - 2 - (value / max) * (h - 4)}`)
  return (
    <svg className="sparkline" viewBox={`0 0 ${w} ${h}`} aria-hidden="true" data-testid={testId}>
      <polyline fill="none" points={points.join(' ')} />
    </svg>
  )
}
