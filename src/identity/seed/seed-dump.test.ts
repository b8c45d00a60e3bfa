import { execFile, execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../../platform/crypto/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import { withOperatorName } from '../master/index.js'
import { runSeed } from './run-seed.js'
import type { PersonalDataKind } from './seed-context.js'
import { openSeedHarness, type SeedHarness } from './seed.test-kit.js'

const execFileAsync = promisify(execFile)

/** Every pg_dump here: Debian's per-version ones, newest first, then the one on PATH. */
function findPgDumps(): string[] {
  const root = '/usr/lib/postgresql'
  const versioned = existsSync(root)
    ? readdirSync(root)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `${root}/${version}/bin/pg_dump`)
        .filter((path) => existsSync(path))
    : []
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' })
    return [...versioned, 'pg_dump']
  } catch {
    return versioned
  }
}

const pgDumps = findPgDumps()
const skipReason =
  pgDumps.length === 0
    ? 'pg_dump was not found on PATH or in /usr/lib/postgresql/*/bin (install postgresql-client)'
    : !testBackends.includes('postgres')
      ? 'MOSAIC_TEST_BACKENDS leaves PostgreSQL out'
      : null
if (skipReason) console.warn(`seed-dump.test.ts skipped: ${skipReason}`)

/** The plain-format dump of the whole database, by the pg_dump of the server's version if any. */
async function pgDump(harness: SeedHarness): Promise<string> {
  const { rows } = await sql<{ major: string }>`
    select (current_setting('server_version_num')::int / 10000)::text as major`.execute(
    harness.database.db,
  )
  const ours = `/usr/lib/postgresql/${rows[0]?.major}/bin/pg_dump`
  const binary = pgDumps.includes(ours) ? ours : (pgDumps[0] ?? 'pg_dump')
  const { stdout } = await execFileAsync(
    binary,
    ['--dbname', harness.database.url ?? '', '--no-owner', '--no-privileges'],
    { maxBuffer: 1 << 30, encoding: 'utf8' },
  )
  return stdout
}

/**
 * The dump as searchable text: as printed, plus every bytea value (COPY prints `\\x<hex>`)
 * decoded as UTF-8, so that plaintext inside a bytea column is found too. Lower case.
 */
function searchable(dump: string): string {
  const decoded = [...dump.matchAll(/\\\\x([0-9a-f]+)/g)].map((match) =>
    Buffer.from(match[1] ?? '', 'hex').toString('utf8'),
  )
  return [dump, ...decoded].join('\n').toLowerCase()
}

/** The forms a value could take if it leaked: as generated, and a phone's digits alone. */
function forms(kind: PersonalDataKind, value: string): string[] {
  return kind === 'phone' ? [value, value.replace(/\D/g, '')] : [value]
}

describe.skipIf(skipReason !== null)(
  `pg_dump of a seeded country on PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let harness: SeedHarness | undefined
    const generated = new Map<PersonalDataKind, Set<string>>()

    beforeAll(async () => {
      harness = await openSeedHarness('postgres')
      await runSeed(
        {
          database: harness.database,
          keyring: harness.keyring,
          keys: harness.keys,
          onPersonalData(kind, value) {
            const values = generated.get(kind) ?? new Set<string>()
            generated.set(kind, values.add(value))
          },
        },
        { residents: 300, days: 14, seed: 'dump' },
      )
    }, 120_000)
    afterAll(() => harness?.database.drop())

    it("holds no resident's or operator's name, phone, email or street address in plaintext", async () => {
      const seeded = harness!
      const count = (kind: PersonalDataKind) => generated.get(kind)?.size ?? 0
      expect(count('name')).toBeGreaterThan(150)
      expect(count('address')).toBeGreaterThan(150)
      expect(count('phone')).toBeGreaterThan(30)
      expect(count('email')).toBeGreaterThan(10)

      // Operators' names are among them, and stored so that the admin API reads them back.
      const cipher = createFieldCipher(seeded.keys)
      const { rows: users } = await sql<{ id: string; name: string | null }>`
        select id, name from master.user_detail`.execute(seeded.database.db)
      expect(users.length).toBeGreaterThan(10)
      for (const user of users) {
        const { name } = await withOperatorName(cipher, user)
        expect(generated.get('name')?.has(name ?? '')).toBe(true)
      }

      const dump = await pgDump(seeded)
      // The dump really holds the seeded rows (else the search below proves nothing).
      for (const table of ['master.user_detail', 'idrepo.uin', 'regprc.registration'])
        expect(dump).toMatch(new RegExp(`COPY ${table.replace('.', '\\.')} \\(`))
      expect(dump).toContain(users[0]?.id)
      expect(dump).toContain(users[0]?.name)

      const text = searchable(dump)
      const found: string[] = []
      for (const [kind, values] of generated)
        for (const value of values)
          if (forms(kind, value).some((form) => text.includes(form.toLowerCase())))
            found.push(`${kind} ${value}`)
      expect(found).toEqual([])
    }, 60_000)
  },
)
