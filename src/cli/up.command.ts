import type { Command } from 'commander'
import { stripPassword } from '../platform/config/index.js'
import { startServer, type RunningServer } from '../server.js'
import { columns, say } from './output.js'
import { settingsFromCli } from './settings-from-cli.js'

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description(
      'start Mosaic: every module, or only the named ones (several processes can share PostgreSQL and NATS)',
    )
    .option(
      '--only <modules>',
      'comma-separated module names, e.g. web,reporting (see `mosaic modules`)',
    )
    .action(async (options: { only?: string }) => {
      const started = performance.now()
      const settings = settingsFromCli()
      const only =
        options.only
          ?.split(',')
          .map((name) => name.trim())
          .filter(Boolean) ?? []
      const server = await startServer({ settings, only })
      printBanner(server, (performance.now() - started) / 1000)
      stopOnSignals(server)
    })
}

function printBanner(server: RunningServer, seconds: number): void {
  const { settings, database, bus } = server.platform
  const names = server.modules.map((module) => module.name)
  const rows: [string, string][] = []
  if (names.includes('web')) rows.push(['Admin console', `${server.url}/admin/`])
  rows.push(
    ['API docs', `${server.url}/docs`],
    ['Health', `${server.url}/health`],
    ['Metrics', `${server.url}/metrics`],
    [
      'Database',
      database.backend === 'pglite'
        ? `PGlite in ${settings.home}/pgdata`
        : `PostgreSQL ${stripPassword(settings.database.url ?? '')}`,
    ],
    [
      'Event bus',
      bus.backend === 'outbox'
        ? 'outbox table in the database'
        : `NATS JetStream ${settings.bus.natsUrl}`,
    ],
    ['Modules', names.join(', ') || '(platform only)'],
  )
  say(`\nMosaic is up (${seconds.toFixed(1)} s)\n${columns(rows)}\n`)
  const admin = server.firstAdmin
  if (admin?.oneTimePassword) {
    say(`First administrator created. Sign in as "${admin.username}" with this one-time password,`)
    say(`which you must change at first sign-in:\n\n    ${admin.oneTimePassword}\n`)
  } else if (admin) {
    say(
      `First administrator "${admin.username}" created with the password from MOSAIC_ADMIN_PASSWORD.\n`,
    )
  }
}

function stopOnSignals(server: RunningServer): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) process.exit(130)
    stopping = true
    say(`\n${signal}: stopping (again to force)`)
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}
