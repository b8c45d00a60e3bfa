import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { openIdRepoHarness, sampleRequest, type IdRepoHarness } from './idrepo.test-kit.js'
import { packetConsent } from './journal/journal.test-kit.js'

describe.each(testBackends)('VIDs on %s', (backend) => {
  let harness: IdRepoHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  const open = async () => {
    harness = await openIdRepoHarness(backend)
    const { uin, uinRefId } = await harness.idRepo.create(sampleRequest(), 'regproc')
    return { ...harness, uin, uinRefId }
  }
  const statusOf = async (vid: string) => {
    const { rows } = await sql<{ status_code: string }>`
      select status_code from idmap.vid where vid = ${vid}`.execute(harness!.database.db)
    return rows[0]?.status_code
  }

  it('Perpetual: one at a time, a new one revokes the old, unlimited use, revoke restores', async () => {
    const { vids, uin, uinRefId } = await open()
    const first = await vids.create(uin, 'Perpetual', 'resident', packetConsent())
    expect(first).toMatchObject({
      vidType: 'Perpetual',
      status: 'ACTIVE',
      expiresAt: null,
      transactionsLeft: null,
    })
    expect(first.vid).toMatch(/^\d{16}$/)
    const second = await vids.create(uin, 'PERPETUAL', 'resident', packetConsent())
    expect(await statusOf(first.vid)).toBe('REVOKED')
    for (let i = 0; i < 5; i++)
      expect((await vids.resolve(second.vid, 'ida')).uinRefId).toBe(uinRefId)
    await expect(vids.regenerate(second.vid, 'resident', packetConsent())).rejects.toMatchObject({
      code: 'IDR-VID-003',
    })

    const revoked = await vids.revoke(second.vid, 'resident', packetConsent())
    expect(revoked.status).toBe('REVOKED')
    expect(revoked.restoredVid).toMatchObject({ vidType: 'Perpetual', status: 'ACTIVE' })
    await expect(vids.resolve(second.vid, 'ida')).rejects.toMatchObject({
      code: 'IDR-VID-001',
      message: 'VID is REVOKED',
    })
    expect((await vids.listByUin(uin)).map((v) => v.vid)).toEqual([revoked.restoredVid!.vid])

    const events = await harness!.events()
    const topics = events.map((e) => e.topic)
    expect(topics.filter((t) => t === 'identity.VID_CREATED')).toHaveLength(3)
    expect(topics.filter((t) => t === 'identity.VID_REVOKED')).toHaveLength(2)
    const text = JSON.stringify(events)
    for (const value of [uin, first.vid, second.vid]) expect(text).not.toContain(value)
    const audits = (await harness!.audits()).map((a) => a.event_id)
    expect(audits.filter((id) => id === 'IDR-005')).toHaveLength(3)
    expect(audits.filter((id) => id === 'IDR-007')).toHaveLength(2)
    expect(audits.filter((id) => id === 'IDR-012')).toHaveLength(5)
  })

  it('Temporary: five at most, 30 minutes, two uses, then USED; regenerate invalidates', async () => {
    const { vids, uin, database } = await open()
    const made = []
    for (let i = 0; i < 5; i++)
      made.push(await vids.create(uin, 'Temporary', 'resident', packetConsent()))
    await expect(vids.create(uin, 'Temporary', 'resident', packetConsent())).rejects.toMatchObject({
      code: 'IDR-VID-003',
    })
    const [a, b] = made as [(typeof made)[0], (typeof made)[0]]
    const validFor = a.expiresAt!.getTime() - a.generatedAt.getTime()
    expect(validFor).toBe(30 * 60_000)
    expect(a.transactionsLeft).toBe(2)

    await vids.resolve(a.vid, 'ida')
    await vids.resolve(a.vid, 'ida')
    expect(await statusOf(a.vid)).toBe('USED')
    await expect(vids.resolve(a.vid, 'ida')).rejects.toMatchObject({ message: 'VID is USED' })

    // Past its validity: refused, and marked EXPIRED for good.
    await sql`update idmap.vid set expiry_dtimes = localtimestamp - interval '1 second'
      where vid = ${b.vid}`.execute(database.db)
    await expect(vids.resolve(b.vid, 'ida')).rejects.toMatchObject({ message: 'VID is EXPIRED' })
    expect(await statusOf(b.vid)).toBe('EXPIRED')

    // Regenerating a USED one frees its slot for the new VID.
    const fresh = await vids.regenerate(a.vid, 'resident', packetConsent())
    expect(fresh).toMatchObject({ vidType: 'Temporary', status: 'ACTIVE' })
    expect(await statusOf(a.vid)).toBe('INVALIDATED')
    await expect(vids.regenerate(a.vid, 'resident', packetConsent())).rejects.toMatchObject({
      message: 'VID is INVALIDATED',
    })
    expect((await harness!.audits()).some((row) => row.event_id === 'IDR-008')).toBe(true)
  })

  it('OneTimeUse: no expiry, two uses; unknown VIDs, types and blocked UINs are refused', async () => {
    const { vids, idRepo, uin } = await open()
    const once = await vids.create(uin, 'OneTimeUse', 'resident', packetConsent())
    expect(once).toMatchObject({ expiresAt: null, transactionsLeft: 2 })
    await vids.resolve(once.vid, 'ida')
    expect((await vids.listByUin(uin))[0]?.transactionsLeft).toBe(1)
    await vids.resolve(once.vid, 'ida')
    await expect(vids.resolve(once.vid, 'ida')).rejects.toMatchObject({ code: 'IDR-VID-001' })

    await expect(vids.resolve('9999999999999999', 'ida')).rejects.toMatchObject({
      code: 'IDR-IDC-007',
    })
    await expect(vids.create(uin, 'Forever', 'resident', packetConsent())).rejects.toMatchObject({
      code: 'IDR-IDC-002',
    })
    await idRepo.setStatus(uin, 'BLOCKED', 'admin', packetConsent())
    await expect(vids.create(uin, 'Perpetual', 'resident', packetConsent())).rejects.toMatchObject({
      code: 'IDR-VID-004',
      message: 'BLOCKED UIN',
    })
  })

  it('detects a VID whose encrypted UIN was swapped for another', async () => {
    const { vids, idRepo, uin, database } = await open()
    const other = await idRepo.create(sampleRequest(), 'regproc')
    const mine = await vids.create(uin, 'Perpetual', 'resident', packetConsent())
    const theirs = await vids.create(other.uin, 'Perpetual', 'resident', packetConsent())
    // Move their uin_hash onto my VID: the encrypted UIN no longer matches it.
    await sql`update idmap.vid set uin_hash = (select uin_hash from idmap.vid where vid = ${theirs.vid})
      where vid = ${mine.vid}`.execute(database.db)
    await expect(vids.resolve(mine.vid, 'ida')).rejects.toMatchObject({ code: 'IDR-VID-006' })
  })
})
