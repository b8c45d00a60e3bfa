import type { ReportExportMeta } from './export-format.js'
import { printableTimestamp } from './export-cells.js'

// Parameters in the order a person reads them; any others follow alphabetically.
const parameterOrder = ['date', 'from', 'to', 'center', 'thresholdHours']
const parameterLabels: Readonly<Record<string, string>> = { thresholdHours: 'threshold (hours)' }

/** The parameters as one line: `from 2025-01-01, to 2025-01-31, center 10001`. */
export function describeParameters(parameters: ReportExportMeta['parameters']): string {
  const keys = Object.keys(parameters)
    .filter((key) => parameters[key] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  if (keys.length === 0) return 'no parameters'
  return keys.map((key) => `${parameterLabels[key] ?? key} ${String(parameters[key])}`).join(', ')
}

function rank(key: string): number {
  const index = parameterOrder.indexOf(key)
  return index === -1 ? parameterOrder.length : index
}

/** `generated 2025-02-01 08:00:00 UTC by alice`. */
export function describeGeneration(meta: ReportExportMeta): string {
  return `generated ${printableTimestamp(meta.generatedAt.toISOString())} UTC by ${meta.generatedBy}`
}
