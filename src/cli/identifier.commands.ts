import type { Command } from 'commander'
import { z } from 'zod'
import {
  checkRid,
  checkUin,
  checkVid,
  formatRid,
  generateUinCandidate,
  generateVid,
  idsErrors,
  nextRidSequence,
} from '../identity/ids/index.js'
import { say } from './output.js'
import { withPlatform } from './with-platform.js'

const countSchema = z.coerce.number().int().min(1).max(1_000_000)
const fiveDigits = z.string().regex(/^\d{5}$/, 'must be 5 digits')

function parseOption<T>(schema: z.ZodType<T>, name: string, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new Error(`--${name}: ${result.error.issues[0]?.message ?? 'invalid'}`)
  return result.data
}

/** Prints `count` values from `make`, one a line, in large writes. */
function printMany(count: number, make: () => string): void {
  for (let done = 0; done < count; done += 10_000) {
    const lines = Array.from({ length: Math.min(10_000, count - done) }, make)
    process.stdout.write(`${lines.join('\n')}\n`)
  }
}

/**
 * `uin`, `vid` and `rid`: make and check MOSIP identifiers. Generating UINs and VIDs needs no
 * database (it does not reserve them: the kernel pools do that); `rid generate` takes the next
 * numbers of the center's and machine's sequence from the database.
 */
export function registerIdentifierCommands(program: Command): void {
  const uin = program.command('uin').description('MOSIP UINs: generate and validate')
  uin
    .command('generate')
    .description('print new random UINs that pass every MOSIP rule, one a line (not reserved)')
    .option('--count <n>', 'how many', '1')
    .action((options: { count: string }) => {
      printMany(parseOption(countSchema, 'count', options.count), () => generateUinCandidate())
    })
  uin
    .command('validate <uin>')
    .description('print "valid" and exit 0, or name the broken rule and exit 1')
    .action((value: string) => {
      const check = checkUin(value)
      if (!check.valid) throw idsErrors.invalidUin(check)
      say('valid')
    })

  const vid = program.command('vid').description('MOSIP VIDs: generate and validate')
  vid
    .command('generate')
    .description('print new random VIDs that pass every MOSIP rule, one a line (not reserved)')
    .option('--count <n>', 'how many', '1')
    .action((options: { count: string }) => {
      printMany(parseOption(countSchema, 'count', options.count), () => generateVid())
    })
  vid
    .command('validate <vid>')
    .description('print "valid" and exit 0, or name the broken rule and exit 1')
    .action((value: string) => {
      const check = checkVid(value)
      if (!check.valid) throw idsErrors.invalidVid(check)
      say('valid')
    })

  const rid = program.command('rid').description('MOSIP registration ids: generate and validate')
  rid
    .command('generate')
    .description("print RIDs with the next numbers of the center's and machine's sequence")
    .requiredOption('--center <id>', 'registration center id (5 digits)')
    .requiredOption('--machine <id>', 'machine id (5 digits)')
    .option('--count <n>', 'how many', '1')
    .action(async (options: { center: string; machine: string; count: string }) => {
      const centerId = parseOption(fiveDigits, 'center', options.center)
      const machineId = parseOption(fiveDigits, 'machine', options.machine)
      const count = parseOption(countSchema.max(99_999), 'count', options.count)
      await withPlatform(async ({ db }) => {
        for (let i = 0; i < count; i++) {
          const sequence = await nextRidSequence(db, centerId, machineId, 'cli')
          say(formatRid({ centerId, machineId, sequence, createdAt: new Date() }))
        }
      })
    })
  rid
    .command('validate <rid>')
    .description('print "valid" and exit 0, or name the broken rule and exit 1')
    .option('--center <id>', 'the registration center the RID must come from')
    .option('--machine <id>', 'the machine the RID must come from')
    .action((value: string, options: { center?: string; machine?: string }) => {
      const check = checkRid(value, new Date(), {
        ...(options.center !== undefined && { centerId: options.center }),
        ...(options.machine !== undefined && { machineId: options.machine }),
      })
      if (!check.valid) throw idsErrors.invalidRid(check)
      say('valid')
    })
}
