import type { MigrationHistory } from '../platform/db/index.js'
import type { ModuleContext, ModuleRuntime } from '../platform/module.js'

/**
 * One area of the identity core (audit, identifiers, master data, ID repository, ...): its
 * MOSIP schemas and, when it serves anything, what it starts. The identity module is their sum.
 */
export interface IdentityPart {
  readonly name: string
  /** One history per MOSIP schema the part owns, in dependency order. */
  readonly migrations: readonly MigrationHistory[]
  start?(context: ModuleContext): Promise<ModuleRuntime>
}
