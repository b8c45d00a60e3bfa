import type { Command } from 'commander'
import { z } from 'zod'
import {
  applyRetention,
  openReportingRuntime,
  planRetention,
  recomputeRollups,
  reportErrors,
  retentionPoliciesOf,
  type ReportingRuntime,
} from '../reporting/index.js'
import type { Platform } from '../platform/platform.js'
import { complain, say } from './output.js'
import { withPlatform } from './with-platform.js'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/**
 * `mosaic reporting …`: the lake's upkeep from the command line: capture status, rollups for any
 * past range, retention with a dry run. Each needs the lake's writer: stop a server that owns it
 * (or run these where it runs, through its scheduled jobs).
 */
export function registerReportingCommands(program: Command): void {
  const reporting = program
    .command('reporting')
    .description('the reporting lake: status, rollups, retention')

  reporting
    .command('status')
    .description('bring the lake up to date and show capture progress per source table')
    .action(() =>
      withLake(async (runtime) => {
        await runtime.catchUp()
        say(JSON.stringify(runtime.progress(), null, 2))
      }),
    )

  reporting
    .command('rollups')
    .description('recompute the hourly and daily rollups of a range of UTC days')
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day (included)')
    .option('--granularity <g>', 'hour, day or all', 'all')
    .action((raw: Record<string, unknown>) => {
      const flags = parse(
        z.strictObject({ from: day, to: day, granularity: z.enum(['hour', 'day', 'all']) }),
        raw,
      )
      return withLake(async (runtime, writer) => {
        await runtime.catchUp()
        const result = await recomputeRollups(runtime.reader, writer, flags, {
          onProgress: (done, total) => complain(`rollups: ${done}/${total} days`),
        })
        say(JSON.stringify(result, null, 2))
      })
    })

  reporting
    .command('retention')
    .description('archive and purge lake partitions by age (reporting.retention); --dry-run first')
    .option('--dry-run', 'only list what would be archived and purged')
    .option('--today <YYYY-MM-DD>', 'count ages from this UTC day instead of today')
    .action((raw: Record<string, unknown>) => {
      const flags = parse(
        z.strictObject({ dryRun: z.boolean().optional(), today: day.optional() }),
        raw,
      )
      return withLake(async (runtime, writer, platform) => {
        await runtime.catchUp() // plan over everything captured so far
        const options = {
          writer,
          archiveRoot: runtime.archiveRoot,
          policies: retentionPoliciesOf(platform.settings),
          ...(flags.today !== undefined && { today: flags.today }),
        }
        if (flags.dryRun) {
          say(JSON.stringify(await planRetention(options), null, 2))
          return
        }
        const result = await applyRetention({
          ...options,
          db: platform.db,
          sessionUserId: 'cli',
          onProgress: (done, total) => complain(`retention: ${done}/${total} partitions`),
        })
        say(
          JSON.stringify(
            { archived: result.archived, purged: result.purged, resumed: result.resumed },
            null,
            2,
          ),
        )
      })
    })
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  throw reportErrors.invalidOptions(
    parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'options')}: ${i.message}`),
  )
}

/** Opens the lake as its writer, or fails saying which process holds it. */
function withLake(
  work: (
    runtime: ReportingRuntime,
    writer: NonNullable<ReportingRuntime['writer']>,
    platform: Platform,
  ) => Promise<void>,
): Promise<void> {
  return withPlatform(async (platform) => {
    const runtime = await openReportingRuntime(platform, { background: false })
    try {
      if (runtime.writer === null) throw reportErrors.lakeHeld(runtime.lakeRoot)
      await work(runtime, runtime.writer, platform)
    } finally {
      await runtime.close()
    }
  })
}
