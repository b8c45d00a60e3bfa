import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import { openIdRepoHarness, type IdRepoHarness } from '../../idrepo/idrepo.test-kit.js'
import { identityViewAdapter, unwiredIdentityView } from './identity-view.port.js'

const rid = '10001100020000120260302100000'
const updateRid = '10001100020000220260302110000'

describe.each(testBackends)('identity view through the ID repository on %s', (backend) => {
  let h: IdRepoHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('decrypts the identity a RID created or updated, names the viewer, and hides the UIN', async () => {
    h = await openIdRepoHarness(backend)
    const identity = {
      fullName: [{ language: 'eng', value: 'Amina Njoroge' }],
      dateOfBirth: '1990/05/17',
      phone: '+254700000001',
    }
    const { uin } = await h.idRepo.create(
      {
        rid,
        identity,
        documents: [
          {
            category: 'POI',
            type: 'DOC001',
            fileId: 'poi-file-1',
            fileName: 'passport.pdf',
            format: 'pdf',
            hash: 'ab'.repeat(32),
          },
        ],
      },
      'SYSTEM',
    )
    await h.idRepo.update(uin, { rid: updateRid, identity: { phone: '+254700000002' } }, 'SYSTEM')
    const views = identityViewAdapter(h.idRepo)

    const view = await views.findByRid(rid, 'analyst1')
    expect(view).toEqual({
      status: 'ACTIVATED',
      identity: { ...identity, phone: '+254700000002' },
      documents: [{ category: 'POI', type: 'DOC001', format: 'pdf' }],
    })
    expect(JSON.stringify(view)).not.toContain(uin)
    expect((await views.findByRid(updateRid, 'analyst1'))?.identity).toEqual(view?.identity)
    expect(await views.findByRid('10001100020000320260302120000', 'analyst1')).toBeNull()
    expect(await views.findByRid('not-a-rid', 'analyst1')).toBeNull()
    // The repository's own read audit (IDR-004) records who read the identity.
    const reads = (await h.audits()).filter((a) => a.event_id === 'IDR-004')
    expect(reads.map((a) => a.session_user_id)).toEqual(['analyst1', 'analyst1'])
  })

  it('fails with MOS-RPR-004 when no ID repository is wired', async () => {
    await expect(unwiredIdentityView.findByRid(rid, 'analyst1')).rejects.toMatchObject({
      code: 'MOS-RPR-004',
      status: 503,
    })
  })
})
