import { createContext, useContext } from 'react'
import type { ApiClient } from '../../shared/api.js'
import type { CatalogEntry, Center, Extent, ReportingApi } from './reporting-api.js'

/** What every dashboard needs: the calls, the catalog, the data's extent and the centers. */
export interface ReportingContextValue {
  api: ApiClient
  reporting: ReportingApi
  catalog: CatalogEntry[]
  extent: Extent
  centers: Center[]
}

/** Provided by the reporting area once the catalog, extent and centers have loaded. */
export const ReportingContext = createContext<ReportingContextValue | null>(null)

/** The reporting context; only inside the reporting area. */
export function useReporting(): ReportingContextValue {
  const value = useContext(ReportingContext)
  if (value === null) throw new Error('useReporting() must be used inside the reporting area')
  return value
}

/** Whether the catalog lists report `id` (the server leaves out what the user may not run). */
export function canRun(catalog: readonly CatalogEntry[], id: string): boolean {
  return catalog.some((entry) => entry.id === id)
}
