import { Command } from 'commander'
import { registerAccountCommands } from './cli/account.commands.js'
import { registerAdminCommands } from './cli/admin.commands.js'
import { registerIdentifierCommands } from './cli/identifier.commands.js'
import { registerIntegrityCommands } from './cli/integrity.commands.js'
import { registerIntegrityMonitorCommands } from './cli/integrity-monitor.commands.js'
import { complain } from './cli/output.js'
import { registerReportCommand } from './cli/report.command.js'
import { registerReportingCommands } from './cli/reporting.commands.js'
import { registerSeedCommand } from './cli/seed.command.js'
import { registerUpCommand } from './cli/up.command.js'
import { AppError } from './platform/errors.js'

/** The `mosaic` command. Every command reads the same settings as the server. */
export function buildCli(): Command {
  const program = new Command('mosaic')
    .description('Mosaic: the modules a MOSIP-based national ID programme is missing')
    .version('0.1.0')
    .showHelpAfterError()
  registerUpCommand(program)
  registerAdminCommands(program)
  registerAccountCommands(program)
  registerIdentifierCommands(program)
  registerSeedCommand(program)
  registerReportCommand(program)
  registerReportingCommands(program)
  registerIntegrityCommands(program)
  registerIntegrityMonitorCommands(program)
  return program
}

/** Runs the CLI; known errors become one readable line and exit code 1. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildCli().parseAsync([...argv])
  } catch (error) {
    complain(describe(error))
    if (process.env.MOSAIC_DEBUG) complain(String((error as Error).stack))
    process.exitCode = 1
  }
}

function describe(error: unknown): string {
  if (error instanceof AppError)
    return `${error.code}: ${error.message}${error.action ? `\n${error.action}` : ''}`
  if (error instanceof Error) return error.message
  return String(error)
}
