import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFieldCipher } from '../../platform/crypto/index.js'
import { testBackends } from '../../platform/db/test-database.js'
import type { Identity } from '../idrepo/index.js'
import { withOperatorName } from '../master/index.js'
import { subStatuses, transactionStatusCodes, transactionTypeCodes } from '../regprc/index.js'
import { runSeed } from './run-seed.js'
import { fraudPatterns } from './seed-context.js'
import { openSeedHarness, seededContentHash, type SeedHarness } from './seed.test-kit.js'

const small: { residents: number; days: number } = { residents: 200, days: 14 }

async function seeded(backend: (typeof testBackends)[number], seed: string, size = small) {
  const harness = await openSeedHarness(backend)
  await runSeed(
    { database: harness.database, keyring: harness.keyring, keys: harness.keys },
    { ...size, seed },
  )
  return harness
}

/** Every identity of the database, decrypted as the ID repository does, by RID. */
async function identities(harness: SeedHarness): Promise<Map<string, Identity>> {
  const crypto = await harness.keyring.session()
  const { rows } = await sql<{ uin_ref_id: string; reg_id: string; uin_data: Uint8Array }>`
    select uin_ref_id, reg_id, uin_data from idrepo.uin`.execute(harness.database.db)
  const out = new Map<string, Identity>()
  for (const row of rows)
    out.set(row.reg_id, await crypto.decryptIdentity(row.uin_data, row.uin_ref_id))
  return out
}

/** Every operator's name, decrypted as the admin API does, by user id. */
async function operatorNames(harness: SeedHarness): Promise<[string, string | null][]> {
  const cipher = createFieldCipher(harness.keys)
  const { rows } = await sql<{ id: string; name: string | null }>`
    select id, name from master.user_detail order by id`.execute(harness.database.db)
  const named = await Promise.all(rows.map((row) => withOperatorName(cipher, row)))
  return named.map((row) => [row.id, row.name])
}

describe.each(testBackends)('mosaic seed on %s', (backend) => {
  describe('determinism', () => {
    it('gives the same content for the same seed and other content for another', async () => {
      const [a, b, c] = await Promise.all([
        seeded(backend, 'alpha'),
        seeded(backend, 'alpha'),
        seeded(backend, 'beta'),
      ])
      try {
        const [ha, hb, hc] = await Promise.all(
          [a, b, c].map((h) => seededContentHash(h.database.db)),
        )
        expect(ha).toBe(hb)
        expect(hc).not.toBe(ha)
        // Ciphertexts differ (random nonces, per-installation keys); what they hold does not.
        expect([...(await identities(a))]).toEqual([...(await identities(b))])
        expect(await operatorNames(a)).toEqual(await operatorNames(b))
      } finally {
        await Promise.all([a, b, c].map((h) => h.database.drop()))
      }
    }, 120_000)
  })

  describe('a small country', () => {
    let harness: SeedHarness
    const db = () => harness.database.db
    const count = async (query: ReturnType<typeof sql<{ n: string | number }>>) =>
      Number((await query.execute(db())).rows[0]?.n ?? 0)

    beforeAll(async () => {
      harness = await seeded(backend, 'country', { residents: 1_500, days: 30 })
    }, 120_000)
    afterAll(() => harness.database.drop())

    it('has registrations of every type, NEW the large majority, at believable outcome rates', async () => {
      const { rows } = await sql<{ process: string; status_code: string; n: string | number }>`
        select process, status_code, count(*) as n from regprc.registration group by 1, 2`.execute(
        db(),
      )
      const byType = new Map<string, number>()
      for (const row of rows)
        byType.set(row.process, (byType.get(row.process) ?? 0) + Number(row.n))
      const total = [...byType.values()].reduce((a, b) => a + b, 0)
      expect([...byType.keys()].sort()).toEqual([
        'ACTIVATED',
        'DEACTIVATED',
        'LOST',
        'NEW',
        'RES_REPRINT',
        'RES_UPDATE',
        'UPDATE',
      ])
      expect((byType.get('NEW') ?? 0) / total).toBeGreaterThan(0.75)
      const newProcessed = Number(
        rows.find((r) => r.process === 'NEW' && r.status_code === 'PROCESSED')?.n ?? 0,
      )
      expect(newProcessed / (byType.get('NEW') ?? 1)).toBeGreaterThan(0.8)
      expect(newProcessed / (byType.get('NEW') ?? 1)).toBeLessThan(0.96)
      for (const status of ['FAILED', 'REJECTED', 'REPROCESS', 'PROCESSING'])
        expect(
          rows.some((r) => r.status_code === status),
          status,
        ).toBe(true)
      expect(await count(sql`select count(*) as n from idrepo.uin`)).toBeGreaterThan(1_500 * 0.8)
    })

    it("records partners' authentications with hashed individual ids, mostly successful", async () => {
      const { rows } = await sql<{ status_code: string; n: string | number }>`
        select status_code, count(*) as n from ida.auth_transaction group by 1`.execute(db())
      const yes = Number(rows.find((r) => r.status_code === 'Y')?.n ?? 0)
      const no = Number(rows.find((r) => r.status_code === 'N')?.n ?? 0)
      expect(yes / (yes + no)).toBeGreaterThan(0.85)
      const plain = await count(
        sql`select count(*) as n from ida.auth_transaction where ref_id ~ '^[0-9]{10,16}$'`,
      )
      expect(plain).toBe(0)
    })

    it('follows the weekly rhythm: no center packets on Sundays', async () => {
      const sundays = await count(sql`select count(*) as n from regprc.registration
        where source = 'REGISTRATION_CLIENT' and process in ('NEW', 'UPDATE', 'LOST')
          and extract(dow from pkt_cr_dtimes) = 0`)
      expect(sundays).toBe(0)
    })

    it('writes every history as one chain from the packet receiver, with MOSIP codes', async () => {
      const { rows } = await sql<{
        reg_id: string
        id: string
        parent_regtrn_id: string | null
        trn_type_code: string
        status_code: string
        sub_status_code: string
      }>`
        select reg_id, id, parent_regtrn_id, trn_type_code, status_code, sub_status_code
        from regprc.registration_transaction`.execute(db())
      const subCodes = new Set(Object.values(subStatuses).map((s) => s.code))
      const children = new Map<string, number>()
      for (const row of rows) {
        expect(transactionTypeCodes).toContain(row.trn_type_code)
        expect(transactionStatusCodes).toContain(row.status_code)
        expect(subCodes.has(row.sub_status_code), row.sub_status_code).toBe(true)
        if (row.parent_regtrn_id)
          children.set(row.parent_regtrn_id, (children.get(row.parent_regtrn_id) ?? 0) + 1)
        else expect(row.trn_type_code).toBe('PACKET_RECEIVER')
      }
      expect([...children.values()].every((n) => n === 1)).toBe(true)
      const dangling = await count(sql`select count(*) as n from regprc.registration r
        where r.latest_trn_id is not null and not exists (select 1 from regprc.registration_transaction t
          where t.id = r.latest_trn_id and t.reg_id = r.reg_id)`)
      expect(dangling).toBe(0)
    })

    it('plants at least one labelled case of every fraud pattern', async () => {
      const { rows } = await sql<{
        pattern: string
      }>`select distinct pattern from seed.fraud_truth`.execute(db())
      expect(rows.map((r) => r.pattern).sort()).toEqual([...fraudPatterns].sort())
    })

    it('stores no plaintext name, phone, email or address anywhere', async () => {
      const secrets = new Set<string>()
      for (const identity of (await identities(harness)).values()) {
        for (const key of ['fullName', 'addressLine1'] as const) {
          const value = identity[key]
          if (Array.isArray(value)) for (const entry of value) secrets.add(entry.value)
        }
        for (const key of ['phone', 'email'] as const)
          if (typeof identity[key] === 'string') secrets.add(identity[key])
      }
      expect(secrets.size).toBeGreaterThan(1_000)
      const { rows: columns } = await sql<{
        table_schema: string
        table_name: string
        column_name: string
      }>`
        select table_schema, table_name, column_name from information_schema.columns
        where table_schema not in ('pg_catalog', 'information_schema')
          and data_type in ('character varying', 'text', 'bytea', 'jsonb', 'character')`.execute(
        db(),
      )
      let dump = ''
      for (const c of columns) {
        const { rows } = await sql<{ v: string | null }>`select ${sql.ref(c.column_name)}::text as v
          from ${sql.table(`${c.table_schema}.${c.table_name}`)}`.execute(db())
        for (const { v } of rows) {
          // bytea comes back as \x<hex>: search its bytes as text too.
          if (v)
            dump += `${v.startsWith('\\x') ? Buffer.from(v.slice(2), 'hex').toString('utf8') : v}\n`
        }
      }
      const found = [...secrets].filter((secret) => dump.includes(secret))
      expect(found).toEqual([])
    })

    it('moves the center and machine id sequences past the seeded ids', async () => {
      const { rows } = await sql<{ center: string; machine: string }>`
        select nextval('master.rcid_seq')::text as center, nextval('master.mid_seq')::text as machine`.execute(
        db(),
      )
      expect(
        await count(
          sql`select count(*) as n from master.registration_center where id = ${rows[0]?.center}`,
        ),
      ).toBe(0)
      expect(
        await count(
          sql`select count(*) as n from master.machine_master where id = ${rows[0]?.machine}`,
        ),
      ).toBe(0)
    })

    it('refuses to seed over existing data and says what to do', async () => {
      await expect(
        runSeed(
          { database: harness.database, keyring: harness.keyring, keys: harness.keys },
          { residents: 10, days: 1, seed: 'again' },
        ),
      ).rejects.toMatchObject({
        code: 'MOS-SEED-001',
        action: expect.stringContaining('empty database'),
      })
    })
  })
})
