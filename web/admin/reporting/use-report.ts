import { useEffect, useState } from 'react'
import type { CatalogEntry, ReportParams, ReportRow } from './reporting-api.js'
import { useReporting } from './reporting-context.js'

/** Where one report run is. */
export type ReportState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; rows: ReportRow[] }
  | { status: 'failed'; error: unknown }

/**
 * Runs report `id` with `params` (only those it declares are sent) whenever they change;
 * `ready` false holds it back (a filter still missing). Stale answers are dropped.
 */
export function useReport(
  id: string,
  params: ReportParams,
  ready = true,
): { state: ReportState; entry: CatalogEntry | undefined; sent: ReportParams } {
  const { reporting, catalog } = useReporting()
  const entry = catalog.find((candidate) => candidate.id === id)
  const sent = entry ? paramsFor(entry, params) : {}
  const key = JSON.stringify(sent)
  const [state, setState] = useState<ReportState>({ status: 'idle' })

  useEffect(() => {
    if (entry === undefined || !ready) {
      setState({ status: 'idle' })
      return
    }
    let current = true
    setState({ status: 'loading' })
    reporting.run(id, JSON.parse(key) as ReportParams).then(
      (rows) => current && setState({ status: 'done', rows }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    )
    return () => {
      current = false
    }
  }, [reporting, id, key, entry, ready])

  return { state, entry, sent }
}

function paramsFor(entry: CatalogEntry, params: ReportParams): ReportParams {
  const declared = new Set(entry.parameters.map((parameter) => parameter.name))
  const kept: ReportParams = {}
  for (const [name, value] of Object.entries(params) as [keyof ReportParams, string][]) {
    if (declared.has(name) && value !== '') kept[name] = value
  }
  return kept
}
