/** A two-column table of labelled counts: the accessible twin of a bar chart. */
export function CountTable(props: {
  caption: string
  head: string
  rows: readonly { label: string; value: number }[]
  emptyText: string
  testId?: string
}) {
  return (
    <table className="report-table report-table--compact" data-testid={props.testId}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" className="report-table__number">
            #
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="report-table__empty">
              {props.emptyText}
            </td>
          </tr>
        ) : null}
        {props.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="report-table__number">{row.value.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
