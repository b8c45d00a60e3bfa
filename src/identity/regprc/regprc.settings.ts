import { regprcSettingsSchema, type RegprcSettings } from '../../platform/config/index.js'

export { regprcSettingsSchema, type RegprcSettings }
export const defaultRegprcSettings: RegprcSettings = regprcSettingsSchema.parse({})

/** The iteration limit for one additional-information process (MOSIP: per-process, else default). */
export function maxAllowedIterationFor(settings: RegprcSettings, process: string): number {
  return settings.maxAllowedIterationByProcess[process] ?? settings.maxAllowedIteration
}
