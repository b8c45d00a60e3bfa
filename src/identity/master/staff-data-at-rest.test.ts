import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { rootAdmin, sampleCenter } from './master.fixtures.js'
import { masterTestKit } from './master.test-kit.js'
import { sealPlaintextPersonalColumns } from './seal-personal-columns.js'

/** The longest name the API takes (64 UTF-16 units), at 3 UTF-8 bytes a character. */
const longestName = '한'.repeat(64)

describe.each(testBackends)("staff's personal data at rest on %s", (backend) => {
  const kit = masterTestKit(backend)
  const setUp = () => kit.setUp()
  const values = async (query: string) =>
    (await sql<{ v: string | null }>`${sql.raw(query)}`.execute(kit.db())).rows.map((r) => r.v)

  it('stores operator names encrypted, in the record and its history, and shows them to admins', async () => {
    const { master } = await setUp()
    await master.operators.create(rootAdmin, {
      id: 'officer1',
      name: 'Amina Diallo',
      zoneCode: 'RSK',
    })
    await master.operators.update(rootAdmin, 'officer1', { name: longestName })
    await master.operators.create(rootAdmin, {
      id: 'officer2',
      name: 'Peter Banda',
      zoneCode: 'RSK',
    })

    const stored = [
      ...(await values('select name as v from master.user_detail')),
      ...(await values('select name as v from master.user_detail_h')),
    ]
    expect(stored).toHaveLength(4)
    for (const value of stored) expect(value).toMatch(/^f1\.[\w-]+\.[\w-]{16}\.[\w-]+$/)
    const everything = JSON.stringify(stored)
    for (const name of ['Amina', 'Diallo', 'Peter Banda', '한'])
      expect(everything).not.toContain(name)

    expect((await master.operators.get('officer1')).name).toBe(longestName)
    const page = await master.operators.list(rootAdmin, { pageNumber: 0, pageSize: 10 })
    expect(page.rows.map((row) => [row.id, row.name])).toEqual([
      ['officer1', longestName],
      ['officer2', 'Peter Banda'],
    ])
  })

  it("refuses a name moved to another operator's row", async () => {
    const { master } = await setUp()
    await master.operators.create(rootAdmin, {
      id: 'officer1',
      name: 'Amina Diallo',
      zoneCode: 'RSK',
    })
    await master.operators.create(rootAdmin, {
      id: 'officer2',
      name: 'Peter Banda',
      zoneCode: 'RSK',
    })
    await sql`update master.user_detail set name = (select name from master.user_detail
      where id = 'officer1') where id = 'officer2'`.execute(kit.db())
    await expect(master.operators.get('officer2')).rejects.toMatchObject({ code: 'MOS-MSD-500' })
    // Registration processing never reads the name, so it keeps working.
    expect((await master.operatorStatus('officer2')).found).toBe(true)
  })

  it("stores centers' contact people encrypted per language row", async () => {
    const { master } = await setUp()
    const center = await master.centers.create(
      rootAdmin,
      sampleCenter({
        contactPerson: 'Fatima Benali',
        translations: { fra: { name: 'Centre A', contactPerson: 'Fatima Benali (fr)' } },
      }),
    )
    expect(center.contact_person).toBe('Fatima Benali')
    await master.centers.update(rootAdmin, center.id, {
      translations: { ara: { name: 'مركز أ', contactPerson: 'فاطمة' } },
    })
    const stored = [
      ...(await values('select contact_person as v from master.registration_center')),
      ...(await values('select contact_person as v from master.registration_center_h')),
    ]
    expect(stored.length).toBeGreaterThanOrEqual(5)
    for (const value of stored) expect(value).toMatch(/^f1\./)
    expect(JSON.stringify(stored)).not.toMatch(/Fatima|فاطمة/)

    expect((await master.centers.get(center.id)).contact_person).toBe('Fatima Benali')
    expect((await master.centers.get(center.id, 'fra')).contact_person).toBe('Fatima Benali (fr)')
    expect((await master.centers.get(center.id, 'ara')).contact_person).toBe('فاطمة')
    const page = await master.centers.list(rootAdmin, {
      langCode: 'fra',
      pageNumber: 0,
      pageSize: 10,
    })
    expect(page.rows[0]?.contact_person).toBe('Fatima Benali (fr)')

    // A value copied to the center's other language row does not decrypt there.
    await sql`update master.registration_center set contact_person = (select contact_person
      from master.registration_center where id = ${center.id} and lang_code = 'eng')
      where id = ${center.id} and lang_code = 'fra'`.execute(kit.db())
    await expect(master.centers.get(center.id, 'fra')).rejects.toMatchObject({
      code: 'MOS-MSD-500',
    })
  })

  it('encrypts names an earlier version stored in plaintext, once', async () => {
    const { master, cipher } = await setUp()
    await master.operators.create(rootAdmin, {
      id: 'officer1',
      name: 'Amina Diallo',
      zoneCode: 'RSK',
    })
    const center = await master.centers.create(rootAdmin, sampleCenter())
    // As written before migration 0003: plaintext.
    await sql`update master.user_detail set name = 'Old Plain Name' where id = 'officer1'`.execute(
      kit.db(),
    )
    await sql`update master.user_detail_h set name = 'Old Plain Name'`.execute(kit.db())
    await sql`update master.registration_center_h set contact_person = 'Old Contact'`.execute(
      kit.db(),
    )
    await sql`update master.registration_center set contact_person = 'Old Contact'
      where id = ${center.id}`.execute(kit.db())

    expect(await sealPlaintextPersonalColumns(kit.db(), cipher)).toBe(8)
    expect(await sealPlaintextPersonalColumns(kit.db(), cipher)).toBe(0)
    const stored = [
      ...(await values('select name as v from master.user_detail')),
      ...(await values('select name as v from master.user_detail_h')),
      ...(await values('select contact_person as v from master.registration_center')),
      ...(await values('select contact_person as v from master.registration_center_h')),
    ]
    expect(JSON.stringify(stored)).not.toMatch(/Old Plain Name|Old Contact/)
    expect((await master.operators.get('officer1')).name).toBe('Old Plain Name')
    expect((await master.centers.get(center.id, 'fra')).contact_person).toBe('Old Contact')
  })
})
