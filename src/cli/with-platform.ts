import { allModules } from '../modules.js'
import { resolveModules } from '../platform/module-graph.js'
import { closePlatform, openPlatform, type Platform } from '../platform/platform.js'
import { createLogger, createMetrics } from '../platform/telemetry/index.js'
import { settingsFromCli } from './settings-from-cli.js'

/**
 * Runs an administrative command against whichever database the settings name, creating and
 * migrating it as needed. Logs go to stderr at warn level so the command's output stays clean.
 */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const settings = settingsFromCli()
  const logger = createLogger({ level: 'warn', service: 'mosaic-cli', destination: process.stderr })
  const platform = await openPlatform({
    settings,
    logger,
    metrics: createMetrics(),
    moduleMigrations: resolveModules(allModules).flatMap((module) => module.migrations),
  })
  try {
    return await work(platform)
  } finally {
    await closePlatform(platform)
  }
}
