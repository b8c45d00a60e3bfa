import type { IdentityPart } from '../identity-part.js'
import { createIdRepoKeyring } from '../idrepo/index.js'
import { rebuildDeferredIndexes } from './deferred-indexes.js'
import { preregHistory } from './prereg.migrations.js'
import { existingData, runSeed } from './run-seed.js'
import { throttledProgress } from './seed-progress.js'
import { seedHistory } from './seed.migrations.js'

/** The country `npm start` seeds into an empty database: small enough to start in seconds. */
export const startupSeed = { residents: 2_000, days: 30, seed: 'mosaic' } as const

/**
 * The synthetic country (`mosaic seed`): its schemas (`seed`, `prereg`) and, at start, a
 * small country seeded in the background when the database has no data yet and the setting
 * `identity.seedOnEmpty` allows it (default: on for embedded PGlite, off for PostgreSQL, so a
 * real deployment's database is never touched). It never seeds over existing data.
 */
export const seedPart: IdentityPart = {
  name: 'seed',
  migrations: [preregHistory, seedHistory],
  async start({ platform }) {
    const { settings, logger, db } = platform
    const log = logger.child({ component: 'seed' })
    // Whatever the setting: a seed killed while loading left its tables without some indexes.
    const rebuilt = await rebuildDeferredIndexes(db)
    if (rebuilt > 0) log.warn({ rebuilt }, 'rebuilt indexes an interrupted seed had dropped')
    const enabled = settings.identity.seedOnEmpty ?? settings.database.url === undefined
    if (!enabled || (await existingData(db))) return {}
    log.info(startupSeed, 'empty database: seeding a synthetic country in the background')
    const running = runSeed(
      {
        database: platform.database,
        keyring: createIdRepoKeyring(platform.keys),
        keys: platform.keys,
      },
      startupSeed,
      throttledProgress((line) => log.info(line), 2_000),
    ).catch((error: unknown) => log.error({ err: error }, 'seeding the synthetic country failed'))
    return {
      async stop() {
        await running
      },
    }
  },
}
