import type { AddressInfo } from 'node:net'
import { allModules } from './modules.js'
import type { Settings } from './platform/config/index.js'
import type { Database } from './platform/db/index.js'
import { createHttpApp, type HttpApp } from './platform/http/index.js'
import { createJobRunner, type JobRunner } from './platform/jobs/index.js'
import type { Module, ModuleRuntime } from './platform/module.js'
import { resolveModules } from './platform/module-graph.js'
import { registerNotifyRoutes } from './platform/notify/index.js'
import { closePlatform, openPlatform, type Platform } from './platform/platform.js'
import { registerPlatformHealth } from './platform/platform-health.js'
import { platformJobs } from './platform/platform-jobs.js'
import {
  createLogger,
  createMetrics,
  type Logger,
  registerTelemetryRoutes,
} from './platform/telemetry/index.js'

export interface StartServerOptions {
  settings: Settings
  /** Module names for `--only`; empty = all. */
  only?: readonly string[]
  /** The modules to choose from (tests pass their own). */
  modules?: readonly Module[]
  logger?: Logger
  /** An already open database (tests); otherwise opened from the settings. */
  database?: Database
}

/** A running Mosaic process. */
export interface RunningServer {
  readonly url: string
  readonly platform: Platform
  readonly app: HttpApp
  readonly modules: readonly Module[]
  /** Set when this start created the first administrator. */
  readonly firstAdmin: { username: string; oneTimePassword: string | null } | null
  stop(): Promise<void>
}

/**
 * Starts the platform and the chosen modules in this process and listens for HTTP. The same
 * code runs everything in one process or a subset per process (`--only`), the processes then
 * sharing PostgreSQL and NATS.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { settings } = options
  const modules = resolveModules(options.modules ?? allModules, options.only ?? [])
  const service = options.only?.length ? `mosaic-${[...options.only].sort().join('-')}` : 'mosaic'
  const logger = options.logger ?? createLogger({ level: settings.log.level, service })
  const metrics = createMetrics({ service })
  const platform = await openPlatform({
    settings,
    logger,
    metrics,
    moduleMigrations: modules.flatMap((module) => module.migrations),
    ...(options.database && { database: options.database }),
  })

  const runtimes: ModuleRuntime[] = []
  let runner: JobRunner | undefined
  let app: HttpApp | undefined
  const stop = async () => {
    await app?.close()
    await runner?.stop()
    for (const runtime of runtimes.reverse()) await runtime.stop?.()
    await closePlatform(platform)
  }

  try {
    const firstAdmin = await platform.auth.bootstrapAdmin()
    app = await createHttpApp({
      logger,
      metrics,
      guard: platform.auth.guard,
      bodyLimitBytes: settings.server.bodyLimitBytes,
      rateLimitPerMinute: settings.server.rateLimitPerMinute,
      trustProxy: settings.server.trustProxy,
      publicUrl: platform.publicUrl,
    })
    registerPlatformHealth(platform)
    registerTelemetryRoutes(app, platform.health, metrics)
    platform.auth.registerRoutes(app)
    registerNotifyRoutes(app, platform.notify)
    const names = modules.map((module) => module.name)
    for (const module of modules)
      runtimes.push(await module.start({ platform, app, modules: names }))

    runner = createJobRunner({
      database: platform.database,
      jobs: [...platformJobs(platform), ...runtimes.flatMap((runtime) => runtime.jobs ?? [])],
      tasks: runtimes.flatMap((runtime) => runtime.tasks ?? []),
      logger: logger.child({ component: 'jobs' }),
    })
    await app.listen({ host: settings.server.host, port: settings.server.port })
    await runner.start()
    const { port } = app.server.address() as AddressInfo
    const url = settings.server.publicUrl ?? `http://${displayHost(settings.server.host)}:${port}`
    logger.info({ 'url.full': url, modules: modules.map((m) => m.name) }, 'mosaic is up')
    return { url, platform, app, modules, firstAdmin, stop }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host
}
