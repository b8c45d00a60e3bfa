import type { CatalogEntry, Cell, ReportRow } from './reporting-api.js'

function show(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '—'
  if (typeof cell === 'number') return cell.toLocaleString()
  return String(cell)
}

/**
 * A report's rows as a real table: a caption, one column per catalog column (in its order, the
 * description as a tooltip), numbers aligned to the end. `onSelect` turns the first cell of each
 * row into a button (drill-down).
 */
export function ReportTable(props: {
  entry: CatalogEntry
  rows: readonly ReportRow[]
  caption: string
  emptyText: string
  onSelect?: (row: ReportRow) => void
}) {
  const { entry, rows } = props
  return (
    <div className="report-table__scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="report-table" data-testid={`table-${entry.id}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {entry.columns.map((column) => (
              <th
                key={column.name}
                scope="col"
                title={column.description}
                className={column.type === 'integer' ? 'report-table__number' : undefined}
              >
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={entry.columns.length} className="report-table__empty">
                {props.emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={index}>
                {entry.columns.map((column, columnIndex) => {
                  const text = show(row[column.name])
                  const numeric = column.type === 'integer'
                  return (
                    <td
                      key={column.name}
                      data-column={column.name}
                      className={numeric ? 'report-table__number' : undefined}
                    >
                      {columnIndex === 0 && props.onSelect ? (
                        <button
                          type="button"
                          className="report-table__action"
                          onClick={() => props.onSelect?.(row)}
                        >
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </td>
                  )
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
