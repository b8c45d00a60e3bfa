import type { Command } from 'commander'
import { integrityStatus, verifyIntegrity, type AuditReport } from '../integrity/audit/index.js'
import { openLogIdentity } from '../integrity/publish/log-signer.js'
import { complain, say } from './output.js'
import { withPlatform } from './with-platform.js'

/** Progress on stderr, at most once a second per phase, and at each phase's end. */
function progressLine(everyMs = 1_000) {
  let last = -Infinity
  let phase = ''
  return (name: string, done: number, total: number) => {
    const now = performance.now()
    if (name === phase && now - last < everyMs && done < total) return
    phase = name
    last = now
    complain(`verify: ${name} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`)
  }
}

function describeReport(report: AuditReport): string {
  const { checked } = report
  const lines = [
    report.ok
      ? `OK: the log of ${report.size} entries and every record agree`
      : `FAILED: ${report.findings.length} finding(s)`,
    `checked: ${checked.entries} entries, ${checked.tiles} tiles, ${checked.checkpoints} checkpoints, ${checked.journalRows} journalled changes (${checked.unloggedRows} not yet logged), ${checked.consents} consents, ${checked.records} records`,
    ...report.findings.map((finding) => `[${finding.code}] ${finding.message}`),
    ...Object.entries(report.omitted).map(([code, n]) => `[${code}] … and ${n} more`),
  ]
  return lines.join('\n')
}

/**
 * `mosaic integrity …`: the auditor (`verify` recomputes the log and checks every record against
 * it, exit code 1 on any finding) and the log's status.
 */
export function registerIntegrityCommands(program: Command): void {
  const integrity = program
    .command('integrity')
    .description('the transparency log of identity changes: verify, status')

  integrity
    .command('verify')
    .description(
      'recompute the log from its entries and check tiles, checkpoints, journal, consents and every record; exit 1 on any finding',
    )
    .option('--json', 'print the report as JSON')
    .action((flags: { json?: boolean }) =>
      withPlatform(async (platform) => {
        const report = await verifyIntegrity({
          db: platform.db,
          keys: platform.keys,
          log: await openLogIdentity(platform),
          witnessKeys: platform.settings.integrity.witnesses.map((w) => w.verifierKey),
          onProgress: progressLine(),
        })
        say(flags.json ? JSON.stringify(report, null, 2) : describeReport(report))
        if (!report.ok) process.exitCode = 1
      }),
    )

  integrity
    .command('status')
    .description("the log's size, its latest checkpoint and the changes still to log")
    .action(() =>
      withPlatform(async (platform) => {
        say(JSON.stringify(await integrityStatus(platform.db), null, 2))
      }),
    )
}
