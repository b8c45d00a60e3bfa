import { type Command, Option } from 'commander'
import { z } from 'zod'
import { partnerTypes, roles, roleSchema } from '../platform/auth/index.js'
import { columns, say } from './output.js'
import { withPlatform } from './with-platform.js'

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** `user`, `partner` and `keys`: accounts and keys, for operators at the console. */
export function registerAccountCommands(program: Command): void {
  const user = program.command('user').description('staff accounts')
  user
    .command('create <username>')
    .description('create a staff user and print a one-time password to hand over')
    .requiredOption('--name <display name>', 'full name shown in the console')
    .addOption(
      new Option('--role <role>', 'a role (repeatable)')
        .choices(roles)
        .argParser(collect)
        .makeOptionMandatory(),
    )
    .option('--zone <zone>', 'a zone code the user administers (repeatable); * = all', collect)
    .action(
      async (username: string, options: { name: string; role: string[]; zone?: string[] }) => {
        const input = {
          username,
          displayName: options.name,
          roles: z.array(roleSchema).parse(options.role),
          zones: options.zone?.length ? options.zone : ['*'],
        }
        await withPlatform(async ({ auth }) => {
          const { user: created, oneTimePassword } = await auth.staffUsers.create(input, 'cli')
          say(
            `Created ${created.username} (${created.roles.join(', ')}). One-time password: ${oneTimePassword}`,
          )
        })
      },
    )
  user
    .command('list')
    .description('list staff users')
    .action(async () => {
      await withPlatform(async ({ auth }) => {
        const users = await auth.staffUsers.list({ zones: ['*'] })
        say(
          columns(
            users.map((u) => [
              u.username,
              `${u.status}  ${u.roles.join(',')}  zones ${u.zones.join(',')}`,
            ]),
            '',
          ),
        )
      })
    })
  user
    .command('reset-password <username>')
    .description('replace a staff user’s password with a one-time password and end their sessions')
    .action(async (username: string) => {
      await withPlatform(async ({ auth }) => {
        const users = await auth.staffUsers.list({ zones: ['*'] })
        const found = users.find((u) => u.username === username.trim().toLowerCase())
        if (!found) throw new Error(`No staff user named ${username}; see \`mosaic user list\``)
        const { oneTimePassword } = await auth.staffUsers.resetPassword('cli', found.id)
        say(`Password of ${found.username} reset. One-time password: ${oneTimePassword}`)
      })
    })

  const partner = program.command('partner').description('relying parties and their API keys')
  partner
    .command('create <id>')
    .description('register a partner')
    .requiredOption('--name <name>', 'organisation name')
    .addOption(
      new Option('--type <type>', 'MOSIP partner type')
        .choices(partnerTypes)
        .default('Auth_Partner'),
    )
    .action(async (id: string, options: { name: string; type: (typeof partnerTypes)[number] }) => {
      await withPlatform(async ({ auth }) => {
        const created = await auth.partners.create(
          { id, name: options.name, type: options.type },
          'cli',
        )
        say(`Registered partner ${created.id} (${created.partner_type}).`)
      })
    })
  partner
    .command('list')
    .description('list partners')
    .action(async () => {
      await withPlatform(async ({ auth }) => {
        const partners = await auth.partners.list()
        say(
          columns(
            partners.map((p) => [p.id, `${p.status}  ${p.partner_type}  ${p.name}`]),
            '',
          ),
        )
      })
    })
  partner
    .command('key <id>')
    .description('issue an API key for a partner; the key is printed once')
    .option('--label <label>', 'what the key is for', 'default')
    .action(async (id: string, options: { label: string }) => {
      await withPlatform(async ({ auth }) => {
        const { apiKey } = await auth.partners.issueKey(id, options.label)
        say(apiKey)
      })
    })

  const keys = program.command('keys').description('the key store')
  keys
    .command('list <purpose>')
    .description('list the keys of a purpose (e.g. auth-jwt, field)')
    .action(async (purpose: string) => {
      await withPlatform(async (platform) => {
        const found = await platform.keys.keys(purpose)
        say(
          columns(
            found.map((k) => [
              k.kid,
              `${k.status}  ${k.algorithm}  created ${k.createdAt.toISOString()}`,
            ]),
            '',
          ),
        )
      })
    })
  keys
    .command('rotate <purpose>')
    .description(
      'make a new active key for a purpose; old keys stay for verification and decryption',
    )
    .action(async (purpose: string) => {
      await withPlatform(async (platform) => {
        const key = await platform.keys.rotate(purpose)
        say(`New active ${key.algorithm} key for ${purpose}: ${key.kid}`)
      })
    })
}
