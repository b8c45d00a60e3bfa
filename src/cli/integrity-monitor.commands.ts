import { existsSync, readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import { monitorOnce, type MonitorOptions, type MonitorResult } from '../integrity/monitor/index.js'
import { monitorErrors } from '../integrity/monitor/monitor-errors.js'
import { serveWitness, writeWitnessKey } from '../integrity/witness/witness-main.js'
import { complain, say } from './output.js'

const flagsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  key: z.string().min(1),
  witness: z.array(z.string().min(1)).max(64).default([]),
  quorum: z.coerce.number().int().min(0).optional(),
  state: z.string().min(1).default('integrity-monitor.json'),
  interval: z.coerce.number().min(1).max(86_400).default(60),
  once: z.boolean().default(false),
})

/**
 * `mosaic integrity monitor | witness | witness-key`: tools for parties outside the log's
 * operator. None opens the database: the monitor reads the published files over HTTP, the
 * witness keeps its own state folder. Attaches to an existing `integrity` command if another
 * file registered one first.
 */
export function registerIntegrityMonitorCommands(program: Command): void {
  const integrity =
    program.commands.find((command) => command.name() === 'integrity') ??
    program.command('integrity').description('the transparency log of identity changes')

  integrity
    .command('monitor')
    .description(
      "follow a log's published checkpoint, tiles and entries; alarm on any misbehaviour",
    )
    .requiredOption('--url <base>', 'the log prefix, e.g. https://id.example.gov/integrity')
    .requiredOption('--key <vkey>', "the log's verifier key (or a file holding it)")
    .option('--witness <vkey>', 'a trusted witness verifier key (repeat)', collect, [])
    .option('--quorum <k>', 'cosignatures required from those witnesses (default: 1 if any)')
    .option(
      '--state <file>',
      'where the last verified checkpoint is kept',
      'integrity-monitor.json',
    )
    .option('--interval <s>', 'seconds between checks', '60')
    .option('--once', 'check once; exit 1 on an alarm')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = flagsSchema.safeParse(raw)
      if (!parsed.success) {
        throw monitorErrors.invalidOptions(
          parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
        )
      }
      const flags = parsed.data
      const witnessKeys = flags.witness.map(keyValue)
      const options: MonitorOptions = {
        baseUrl: flags.url,
        logKey: keyValue(flags.key),
        witnessKeys,
        quorum: flags.quorum ?? Math.min(1, witnessKeys.length),
        stateFile: flags.state,
      }
      const check = async (): Promise<MonitorResult> => {
        let result: MonitorResult
        try {
          result = await monitorOnce(options)
        } catch (error) {
          // Options the monitor cannot work with (a bad key, a quorum above the witnesses).
          throw monitorErrors.invalidOptions((error as Error).message)
        }
        report(result)
        return result
      }
      if (flags.once) {
        const result = await check()
        if (!result.ok) throw monitorErrors.alarm(result.alarm.kind)
        return
      }
      // Keep going after an alarm: a monitor that stops is a monitor nobody hears.
      for (;;) {
        await check()
        await new Promise((resolve) => setTimeout(resolve, flags.interval * 1000))
      }
    })

  integrity
    .command('witness')
    .description('run a tlog-witness that cosigns the checkpoints of the logs in its config')
    .requiredOption('--config <file>', 'the witness config (YAML), see docs/integrity.md')
    .option('--log-level <level>', 'log level (default MOSAIC_LOG_LEVEL or info)')
    .action(async (raw: { config: string; logLevel?: string }) => {
      await serveWitness({ config: raw.config, ...(raw.logLevel && { logLevel: raw.logLevel }) })
    })

  integrity
    .command('witness-key')
    .description('write a new witness key (never overwritten) and print its verifier key')
    .requiredOption('--name <n>', 'the cosigner name, e.g. witness.example/w1')
    .requiredOption('--out <file>', 'where to write the private key (mode 0600)')
    .action(async (raw: { name: string; out: string }) => {
      say(await writeWitnessKey({ name: raw.name, out: raw.out }))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** A vkey given inline, or the first line of a file holding one (as /integrity/key serves it). */
function keyValue(value: string): string {
  if (!value.includes('+') && existsSync(value)) {
    return (readFileSync(value, 'utf8').split('\n')[0] ?? '').trim()
  }
  return value.trim()
}

/** One line per check: stdout when it holds, stderr (loud) on an alarm. */
function report(result: MonitorResult): void {
  const at = new Date().toISOString()
  if (result.ok) {
    const grown =
      result.previousSize === null ? 'first check' : `+${result.size - result.previousSize}`
    const cosigned = result.cosigners.length ? result.cosigners.join(', ') : 'no witness'
    say(
      `${at} ok size ${result.size} (${grown}) root ${result.root.toString('base64')} cosigned by ${cosigned}`,
    )
    return
  }
  complain(`${at} ALARM ${result.alarm.kind}: ${result.alarm.message}`)
}
