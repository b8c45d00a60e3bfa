import { type Migration, Migrator, type MigrationResult } from 'kysely'
import type { Db } from './open-database.js'

/**
 * One component's migration history. Each history lives in its own PostgreSQL schema with
 * its own bookkeeping table, so modules migrate independently and never share a sequence.
 * Kysely's migrator creates the schema before the first migration runs.
 */
export interface MigrationHistory {
  /** Also the schema the history's tables and bookkeeping live in. */
  readonly schema: string
  /** Applied in key order; name them `0001_create_things` and never rename an applied one. */
  readonly migrations: Record<string, Migration>
}

/** Thrown when a migration fails; names the history and migration. */
export class MigrationError extends Error {
  constructor(schema: string, migration: string, cause: unknown) {
    super(`Migration ${schema}/${migration} failed: ${(cause as Error)?.message ?? cause}`, {
      cause,
    })
    this.name = 'MigrationError'
  }
}

/** Brings every history up to date, in the order given. Safe to run from several processes at once. */
export async function migrate(
  db: Db,
  histories: readonly MigrationHistory[],
  onApplied: (schema: string, migration: string) => void = () => {},
): Promise<void> {
  for (const history of histories) {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => history.migrations },
      migrationTableSchema: history.schema,
      migrationTableName: 'migration',
      migrationLockTableName: 'migration_lock',
    })
    const { error, results } = await migrator.migrateToLatest()
    const failed = results?.find((result: MigrationResult) => result.status === 'Error')
    if (error) throw new MigrationError(history.schema, failed?.migrationName ?? '(setup)', error)
    for (const result of results ?? []) onApplied(history.schema, result.migrationName)
  }
}
