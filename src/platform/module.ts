import type { MigrationHistory } from './db/index.js'
import type { HttpApp } from './http/index.js'
import type { PeriodicJob, TaskDefinition } from './jobs/index.js'
import type { Platform } from './platform.js'
import type { ModuleNode } from './module-graph.js'

/** What a module gets when it starts: the platform's services and the app to add routes to. */
export interface ModuleContext {
  readonly platform: Platform
  readonly app: HttpApp
  /** Names of the modules this process runs (a module may wait on another's work). */
  readonly modules: readonly string[]
}

/** What a started module hands back: work for the platform's job runner, and how to stop. */
export interface ModuleRuntime {
  readonly jobs?: readonly PeriodicJob[]
  readonly tasks?: readonly TaskDefinition[]
  stop?(): Promise<void>
}

/**
 * A capability of Mosaic (reporting, logs, consent, ...). Each module folder exports one from
 * its `index.ts`; `mosaic up --only a,b` starts the named ones and their dependencies.
 */
export interface Module extends ModuleNode {
  readonly name: string
  /** One line for `mosaic modules` and the README. */
  readonly description: string
  readonly dependsOn: readonly string[]
  /** The module's own schemas; migrated at start, before `start` runs. */
  readonly migrations: readonly MigrationHistory[]
  /** Registers routes, event subscriptions and health indicators. */
  start(context: ModuleContext): Promise<ModuleRuntime>
}
