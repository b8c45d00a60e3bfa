import type { Command } from 'commander'
import { allModules } from '../modules.js'
import {
  envNames,
  redactSettings,
  secretSettings,
  settingsSchema,
} from '../platform/config/index.js'
import { resolveModules } from '../platform/module-graph.js'
import { columns, say } from './output.js'
import { settingsFromCli } from './settings-from-cli.js'
import { withPlatform } from './with-platform.js'

/** `migrate`, `modules` and `config`: commands about the installation itself. */
export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('create the database if needed and bring every schema up to date, then exit')
    .action(async () => {
      await withPlatform(async (platform) => {
        say(`Database is up to date (${platform.database.backend}).`)
      })
    })

  program
    .command('modules')
    .description('list the modules `mosaic up --only` can start')
    .action(() => {
      say(
        columns(
          resolveModules(allModules).map((module) => [module.name, module.description]),
          '',
        ),
      )
    })

  const config = program.command('config').description('inspect settings')
  config
    .command('print')
    .description('print the effective settings (secrets masked)')
    .action(() => say(JSON.stringify(redactSettings(settingsFromCli()), null, 2)))
  config
    .command('check')
    .description('validate the settings and exit 0, or name every bad setting and exit 1')
    .action(() => {
      settingsFromCli()
      say('Settings are valid.')
    })
  config
    .command('docs')
    .description('print every setting as a Markdown table (as in the README)')
    .action(() => say(settingsTable()))
}

/** Every setting: YAML path, environment variable, default and meaning. */
export function settingsTable(): string {
  const envByPath = new Map(Object.entries(envNames).map(([env, path]) => [path, env]))
  const rows = [
    '| setting (mosaic.config.yaml) | environment | default | meaning |',
    '|---|---|---|---|',
  ]
  const walk = (shape: Record<string, unknown>, prefix: string) => {
    for (const [key, schema] of Object.entries(shape)) {
      const path = `${prefix}${key}`
      const nested = nestedShape(schema)
      if (nested) {
        walk(nested, `${path}.`)
        continue
      }
      const fallback = defaultOf(schema)
      const env = envByPath.get(path)
      const text = typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback)
      const shown = secretSettings.has(path) || fallback === undefined ? '' : `\`${text}\``
      rows.push(
        `| \`${path}\` | ${env ? `\`${env}\`` : ''} | ${shown} | ${descriptionOf(schema)} |`,
      )
    }
  }
  walk(settingsSchema.shape, '')
  return rows.join('\n')
}

type Introspectable = {
  description?: string
  def?: {
    type?: string
    innerType?: unknown
    defaultValue?: unknown
    shape?: Record<string, unknown>
  }
}

function nestedShape(schema: unknown): Record<string, unknown> | null {
  let current = schema as Introspectable | undefined
  while (current?.def?.innerType) current = current.def.innerType as Introspectable
  return current?.def?.type === 'object' && current.def.shape ? current.def.shape : null
}

function defaultOf(schema: unknown): unknown {
  let current = schema as Introspectable | undefined
  while (current?.def) {
    if (current.def.type === 'default') return current.def.defaultValue
    current = current.def.innerType as Introspectable | undefined
  }
  return undefined
}

function descriptionOf(schema: unknown): string {
  return (schema as Introspectable).description ?? ''
}
