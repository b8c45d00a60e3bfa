import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import {
  openIdRepoHarness,
  sampleRequest,
  samplePerson,
  testIdentifiers,
  testRid,
  type IdRepoHarness,
} from './idrepo.test-kit.js'
import type { IdRepoTables } from './idrepo.tables.js'
import { packetConsent } from './journal/journal.test-kit.js'

describe.each(testBackends)('ID repository on %s', (backend) => {
  let harness: IdRepoHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('creates, reads by UIN and RID, and updates with history, audit and events', async () => {
    harness = await openIdRepoHarness(backend)
    const { idRepo, database } = harness
    const request = sampleRequest()
    const created = await idRepo.create(request, 'regproc')
    expect(created).toMatchObject({
      rid: request.rid,
      status: 'ACTIVATED',
      bioRefId: 'abis-ref-0001',
    })
    expect(created.uin).toMatch(/^\d{10}$/)

    const byUin = await idRepo.getByUin(created.uin, 'ida')
    expect(byUin.identity).toEqual(request.identity)
    expect(byUin.documents).toEqual([
      expect.objectContaining({ category: 'POA', fileId: 'doc-0001' }),
    ])
    expect(byUin.biometrics).toEqual([expect.objectContaining({ type: 'individualBiometrics' })])
    const byRid = await idRepo.getByRid(request.rid, 'regproc')
    expect(byRid.uin).toBe(created.uin)

    const rid2 = testRid(4242)
    const updated = await idRepo.update(
      created.uin,
      {
        rid: rid2,
        identity: {
          phone: '+254700000999',
          addressLine1: [{ language: 'eng', value: 'New Road 1' }],
        },
        documents: [{ ...request.documents![0]!, fileId: 'doc-0002', hash: 'c'.repeat(64) }],
      },
      'regproc',
    )
    expect(updated.identity).toMatchObject({
      phone: '+254700000999',
      fullName: request.identity.fullName,
    })
    expect((await idRepo.getByRid(rid2, 'x')).identity.phone).toBe('+254700000999')
    // An earlier RID still finds the identity, now in its current state (MOSIP reads uin_h).
    const byOldRid = await idRepo.getByRid(request.rid, 'x')
    expect(byOldRid.uinRefId).toBe(updated.uinRefId)
    expect(byOldRid.identity.phone).toBe('+254700000999')
    await expect(idRepo.getByRid('1'.repeat(29), 'x')).rejects.toMatchObject({
      code: 'IDR-IDC-007',
    })

    // uin_h keeps each version; the first still decrypts to the original identity.
    const history = await database.db
      .withTables<IdRepoTables>()
      .selectFrom('idrepo.uin_h')
      .selectAll()
      .orderBy('eff_dtimes')
      .execute()
    expect(history.map((h) => h.reg_id)).toEqual([request.rid, rid2])
    expect(await idRepo.decrypt(history[0]!)).toEqual(request.identity)
    const { rows: docs } = await sql<{ doc_id: string }>`
      select doc_id from idrepo.uin_document_h order by eff_dtimes`.execute(database.db)
    expect(docs.map((d) => d.doc_id)).toEqual(['doc-0001', 'doc-0002'])

    // Status in an update, and changes in quick succession, each get their own history row.
    await idRepo.update(created.uin, { rid: rid2, status: 'BLOCKED' }, 'regproc')
    await idRepo.update(created.uin, { rid: rid2, status: 'ACTIVATED' }, 'regproc')
    await idRepo.setStatus(created.uin, 'DEACTIVATED', 'admin', packetConsent())
    const { rows: versions } = await sql<{ status_code: string }>`
      select status_code from idrepo.uin_h order by eff_dtimes`.execute(database.db)
    expect(versions.map((v) => v.status_code)).toEqual([
      'ACTIVATED',
      'ACTIVATED',
      'BLOCKED',
      'ACTIVATED',
      'DEACTIVATED',
    ])

    const audits = await harness.audits()
    // An update carrying a status is audited twice: the update, then the status change.
    expect(audits.map((a) => a.event_id).sort()).toEqual(
      [
        'IDR-001',
        'IDR-003',
        ...Array<string>(3).fill('IDR-004'),
        ...Array<string>(6).fill('IDR-002'),
      ].sort(),
    )
    expect(audits.every((a) => a.ref_id === created.uinRefId)).toBe(true)
    const events = await harness.events()
    expect(events.map((e) => e.topic)).toEqual([
      'identity.IDENTITY_CREATED',
      'identity.IDENTITY_UPDATED',
      'identity.IDENTITY_UPDATED',
      'identity.DEACTIVATE_ID',
      'identity.IDENTITY_UPDATED',
      'identity.ACTIVATE_ID',
      'identity.DEACTIVATE_ID',
    ])
    expect(events[0]!.event).toMatchObject({
      subject: created.uinRefId,
      data: { uinRefId: created.uinRefId, rid: request.rid, status: 'ACTIVATED' },
    })
    expect(JSON.stringify(events)).not.toContain(created.uin)
    expect(JSON.stringify(events)).not.toContain(samplePerson.phone)
  })

  it('refuses a second identity for one RID, bad input, and rolls back a failed creation', async () => {
    harness = await openIdRepoHarness(backend, {
      ...testIdentifiers,
      nextUin: async () => {
        throw new Error('pool empty')
      },
    })
    await expect(harness.idRepo.create(sampleRequest(), 'regproc')).rejects.toMatchObject({
      code: 'IDR-IDS-011',
    })
    await expect(
      harness.idRepo.create({ ...sampleRequest(), rid: '123' }, 'regproc'),
    ).rejects.toMatchObject({ code: 'IDR-IDC-002', message: 'Invalid Input Parameter - rid' })
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from idrepo.uin)::int + (select count(*) from audit.app_audit_log)::int
        + (select count(*) from bus.event)::int as n`.execute(harness.database.db)
    expect(rows[0]?.n).toBe(0)
    await harness.close()

    harness = await openIdRepoHarness(backend)
    const request = sampleRequest()
    await harness.idRepo.create(request, 'regproc')
    await expect(harness.idRepo.create(request, 'regproc')).rejects.toMatchObject({
      code: 'IDR-IDC-012',
    })
    await expect(harness.idRepo.getByUin('2999999999', 'x')).rejects.toMatchObject({
      code: 'IDR-IDC-007',
    })
  })

  it('blocks, deactivates and reactivates a UIN, taking its VIDs along', async () => {
    harness = await openIdRepoHarness(backend)
    const { idRepo, vids } = harness
    const { uin } = await idRepo.create(sampleRequest(), 'regproc')
    const perpetual = await vids.create(uin, 'Perpetual', 'resident', packetConsent())
    const temporary = await vids.create(uin, 'Temporary', 'resident', packetConsent())

    expect(await idRepo.setStatus(uin, 'DEACTIVATED', 'admin', packetConsent())).toEqual({
      status: 'DEACTIVATED',
    })
    expect((await idRepo.getByUin(uin, 'x')).status).toBe('DEACTIVATED')
    await expect(vids.resolve(perpetual.vid, 'ida')).rejects.toMatchObject({
      code: 'IDR-VID-001',
      message: 'VID is DEACTIVATED',
    })
    await expect(vids.create(uin, 'Temporary', 'resident', packetConsent())).rejects.toMatchObject({
      code: 'IDR-VID-004',
      message: 'DEACTIVATED UIN',
    })

    await idRepo.setStatus(uin, 'ACTIVATED', 'admin', packetConsent())
    expect((await vids.listByUin(uin)).map((v) => v.vid).sort()).toEqual(
      [perpetual.vid, temporary.vid].sort(),
    )
    await idRepo.setStatus(uin, 'BLOCKED', 'admin', packetConsent())
    await expect(vids.resolve(temporary.vid, 'ida')).rejects.toMatchObject({ code: 'IDR-VID-001' })

    const topics = (await harness.events()).map((e) => e.topic)
    expect(topics.filter((t) => t === 'identity.DEACTIVATE_ID')).toHaveLength(2)
    expect(topics.filter((t) => t === 'identity.ACTIVATE_ID')).toHaveLength(1)
    const audits = (await harness.audits()).map((a) => a.event_id)
    expect(audits).toContain('IDR-010')
    expect(audits).toContain('IDR-011')
  })
})
