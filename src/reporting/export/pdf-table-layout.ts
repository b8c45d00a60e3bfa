/**
 * Pure layout arithmetic of the PDF table: fitting column widths to the page and cutting rows
 * into pages, so that the page count is known before the first page is written.
 */

/**
 * Column widths that fill `available`: natural widths stretched when they are narrower, else the
 * narrow columns keep theirs and the wide ones share the rest equally (their text wraps).
 */
export function fitColumnWidths(natural: readonly number[], available: number): number[] {
  const total = natural.reduce((sum, width) => sum + width, 0)
  if (total <= available) return natural.map((width) => (width * available) / total)
  const widths = [...natural]
  let open = natural.map((_, index) => index)
  let remaining = available
  for (;;) {
    const share = remaining / open.length
    const fitting = open.filter((index) => (natural[index] ?? 0) <= share)
    if (fitting.length === 0) {
      for (const index of open) widths[index] = share
      return widths
    }
    for (const index of fitting) remaining -= natural[index] ?? 0
    open = open.filter((index) => !fitting.includes(index))
    if (open.length === 0) return widths
  }
}

/**
 * The first row index of every page: rows are placed from `firstTop` on page one and `top` on
 * the others, each page's rows below a header of `headerHeight`, none crossing `bottom`. A page
 * always takes at least one row, and an empty table still has one page.
 */
export function paginateRows(
  rowHeights: ArrayLike<number>,
  layout: { firstTop: number; top: number; bottom: number; headerHeight: number },
): number[] {
  const starts = [0]
  let y = layout.firstTop + layout.headerHeight
  let rowsOnPage = 0
  for (let index = 0; index < rowHeights.length; index++) {
    const height = rowHeights[index] ?? 0
    if (rowsOnPage > 0 && y + height > layout.bottom) {
      starts.push(index)
      y = layout.top + layout.headerHeight
      rowsOnPage = 0
    }
    y += height
    rowsOnPage++
  }
  return starts
}
