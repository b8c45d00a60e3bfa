import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import {
  openIdRepoHarness,
  sampleRequest,
  samplePerson,
  type IdRepoHarness,
} from './idrepo.test-kit.js'
import { packetConsent } from './journal/journal.test-kit.js'

/** Every text, JSON and bytea value in every table of the database, as one string. */
async function dumpAllValues(harness: IdRepoHarness): Promise<string> {
  const db = harness.database.db
  const { rows: columns } = await sql<{
    table_schema: string
    table_name: string
    column_name: string
    data_type: string
  }>`
    select table_schema, table_name, column_name, data_type from information_schema.columns
    where table_schema not in ('pg_catalog', 'information_schema')
      and data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea')`.execute(db)
  const parts: string[] = []
  for (const c of columns) {
    const column = sql.ref(`${c.table_schema}.${c.table_name}.${c.column_name}`)
    const value = c.data_type === 'bytea' ? sql`encode(${column}, 'escape')` : sql`${column}::text`
    const { rows } = await sql<{ v: string | null }>`
      select ${value} as v from ${sql.table(`${c.table_schema}.${c.table_name}`)}`.execute(db)
    for (const row of rows) if (row.v) parts.push(row.v)
  }
  expect(parts.length).toBeGreaterThan(20)
  return parts.join('\n')
}

describe.each(testBackends)('identity data at rest on %s', (backend) => {
  let harness: IdRepoHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('stores no plaintext name, phone, email, address or UIN anywhere in the database', async () => {
    harness = await openIdRepoHarness(backend)
    const { idRepo, vids, locks } = harness
    const created = await idRepo.create(sampleRequest(), 'regproc')
    await idRepo.update(
      created.uin,
      { rid: created.rid, identity: { postalCode: '80101' } },
      'regproc',
    )
    await vids.create(created.uin, 'Temporary', 'resident', packetConsent())
    await locks.update(
      created.uin,
      [{ authType: 'demo', locked: true }],
      'resident',
      packetConsent(),
    )
    expect((await idRepo.getByUin(created.uin, 'x')).identity.phone).toBe(samplePerson.phone)

    const secrets = [...Object.values(samplePerson), created.uin]
    const dump = await dumpAllValues(harness)
    expect(dump).toContain(created.uinRefId)
    for (const secret of secrets) expect(dump).not.toContain(secret)

    // On PGlite, also the raw data folder: heap pages, WAL and all.
    if (harness.database.dumpDataDir) {
      await sql`checkpoint`.execute(harness.database.db)
      const raw = Buffer.from(await (await harness.database.dumpDataDir()).arrayBuffer())
      expect(raw.includes(Buffer.from(created.uinRefId))).toBe(true)
      for (const secret of secrets) expect(raw.includes(Buffer.from(secret))).toBe(false)
    }
  })

  it('detects a changed, removed or swapped stored value with a clear error', async () => {
    harness = await openIdRepoHarness(backend)
    const { idRepo, database } = harness
    const a = await idRepo.create(sampleRequest(), 'regproc')
    const b = await idRepo.create(sampleRequest(), 'regproc')
    const stored = async (uinRefId: string) => {
      const { rows } = await sql<{ uin_data: Uint8Array }>`
        select uin_data from idrepo.uin where uin_ref_id = ${uinRefId}`.execute(database.db)
      return JSON.parse(Buffer.from(rows[0]!.uin_data).toString('utf8')) as {
        v: 1
        attributes: Record<string, string>
      }
    }
    const write = (uinRefId: string, value: unknown) =>
      sql`update idrepo.uin set uin_data = ${Buffer.from(JSON.stringify(value))}
        where uin_ref_id = ${uinRefId}`.execute(database.db)

    const original = await stored(a.uinRefId)
    // One flipped bit in the phone's ciphertext.
    const [version, kid, iv, body] = original.attributes.phone!.split('.') as [
      string,
      string,
      string,
      string,
    ]
    const bytes = Buffer.from(body, 'base64url')
    bytes[3] = bytes[3]! ^ 1
    await write(a.uinRefId, {
      ...original,
      attributes: {
        ...original.attributes,
        phone: [version, kid, iv, bytes.toString('base64url')].join('.'),
      },
    })
    await expect(idRepo.getByUin(a.uin, 'x')).rejects.toMatchObject({
      code: 'IDR-IDS-003',
      message: expect.stringContaining(`record ${a.uinRefId}: a stored value was altered`),
    })

    // A removed attribute decrypts, but no longer matches uin_data_hash.
    const { phone: _phone, ...withoutPhone } = original.attributes
    await write(a.uinRefId, { ...original, attributes: withoutPhone })
    await expect(idRepo.getByUin(a.uin, 'x')).rejects.toMatchObject({ code: 'IDR-IDS-001' })

    // Another person's (valid) ciphertexts do not decrypt under this person's key.
    await write(a.uinRefId, await stored(b.uinRefId))
    await expect(idRepo.getByUin(a.uin, 'x')).rejects.toMatchObject({ code: 'IDR-IDS-003' })

    // The other record is untouched; the error named no personal data.
    expect((await idRepo.getByUin(b.uin, 'x')).identity.email).toBe(samplePerson.email)
    await write(a.uinRefId, original)
    expect((await idRepo.getByUin(a.uin, 'x')).identity.email).toBe(samplePerson.email)
  })
})
