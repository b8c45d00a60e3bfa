import type { Command } from 'commander'
import { z } from 'zod'
import { createIdRepoKeyring } from '../identity/idrepo/index.js'
import { runSeed, seedErrors, throttledProgress } from '../identity/seed/index.js'
import { complain, say } from './output.js'
import { withPlatform } from './with-platform.js'

const flagsSchema = z.strictObject({
  residents: z.coerce.number().int().min(10).max(5_000_000),
  days: z.coerce.number().int().min(1).max(3_650),
  seed: z.string().trim().min(1).max(128),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'a UTC date, e.g. 2026-01-01')
    .optional(),
})

/**
 * `mosaic seed`: fills an empty database with a deterministic synthetic country (see
 * docs/identity.md). Progress goes to stderr, the summary to stdout.
 */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('fill an EMPTY database with a synthetic country, the same for the same --seed')
    .requiredOption('--residents <n>', 'people registered in the window (each with a NEW packet)')
    .requiredOption('--days <d>', 'length of the window, in days')
    .requiredOption('--seed <s>', 'any text; the same seed gives the same country')
    .option('--until <date>', 'end of the window (UTC, exclusive); default 2026-01-01')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = flagsSchema.safeParse(raw)
      if (!parsed.success)
        throw seedErrors.invalidOptions(
          parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
        )
      const { until, ...flags } = parsed.data
      const summary = await withPlatform((platform) =>
        runSeed(
          {
            database: platform.database,
            keyring: createIdRepoKeyring(platform.keys),
            keys: platform.keys,
          },
          { ...flags, ...(until && { until: new Date(until) }) },
          throttledProgress(complain),
        ),
      )
      say(JSON.stringify(summary, null, 2))
    })
}
