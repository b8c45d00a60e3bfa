import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { type Settings, type SettingsInput, settingsSchema } from './settings.schema.js'
import { envNames } from './env-names.js'

/** Thrown when a setting is invalid; `problems` names each bad setting and where it came from. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n  - ${problems.join('\n  - ')}`)
    this.name = 'SettingsError'
  }
}

export interface LoadSettingsOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Values that win over file and env; tests and the CLI's flags use this. */
  overrides?: SettingsInput
}

type Tree = Record<string, unknown>

/**
 * Reads settings from `mosaic.config.yaml` (or the file named by MOSAIC_CONFIG), then the
 * environment, then `overrides`, and validates the result.
 *
 * @example
 * const settings = loadSettings({ env: { PORT: '9000' } })
 */
export function loadSettings(options: LoadSettingsOptions = {}): Settings {
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  const origin = new Map<string, string>()
  const tree: Tree = {}

  const file = readConfigFile(env, cwd)
  if (file) {
    deepMerge(tree, file.values)
    for (const path of leafPaths(file.values)) origin.set(path, file.path)
  }
  for (const [name, path] of Object.entries(envNames)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    setPath(tree, path, value)
    origin.set(path, `env ${name}`)
  }
  if (options.overrides) deepMerge(tree, options.overrides as Tree)

  const parsed = settingsSchema.safeParse(tree)
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.join('.')
        const from = origin.get(path)
        return `${path || '(root)'}${from ? ` (from ${from})` : ''}: ${issue.message}`
      }),
    )
  }
  const settings = parsed.data
  settings.home = resolve(cwd, settings.home)
  return settings
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; values: Tree } | null {
  const named = env.MOSAIC_CONFIG
  const path = resolve(cwd, named ?? 'mosaic.config.yaml')
  if (!existsSync(path)) {
    if (named) throw new SettingsError([`MOSAIC_CONFIG: no file at ${path}`])
    return null
  }
  let values: unknown
  try {
    values = parseYaml(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new SettingsError([`${path}: not valid YAML (${(error as Error).message})`])
  }
  if (values === null || values === undefined) return { path, values: {} }
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new SettingsError([`${path}: must hold a mapping of settings`])
  }
  return { path, values: values as Tree }
}

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = tree
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    node = isTree(next) ? next : (node[key] = {})
  }
  node[keys[keys.length - 1] as string] = value
}

function deepMerge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (isTree(value) && isTree(existing)) deepMerge(existing, value)
    else target[key] = isTree(value) ? structuredClone(value) : value
  }
}

function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    isTree(value) ? leafPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
