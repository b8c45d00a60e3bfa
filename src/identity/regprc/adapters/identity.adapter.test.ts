import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import { openIdRepoHarness, type IdRepoHarness } from '../../idrepo/idrepo.test-kit.js'
import { identityAdapter } from './identity.adapter.js'

const rid = '10001100020000120260302100000'
const lostRid = '10001100020000220260302110000'

describe.each(testBackends)('identity adapter on %s', (backend) => {
  let h: IdRepoHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('creates once per RID, finds, updates, links and changes status through the ID repository', async () => {
    h = await openIdRepoHarness(backend)
    const port = identityAdapter(h.idRepo)
    const identity = {
      IDSchemaVersion: 0.1,
      fullName: [{ language: 'eng', value: 'Amina Njoroge' }],
      dateOfBirth: '1990/05/17',
      nested: { deep: { not: 'accepted' } },
    }
    const { uin } = await port.createIdentity({ rid, identity })
    expect(await port.createIdentity({ rid, identity })).toEqual({ uin })
    expect(await port.findIdentity({ rid })).toEqual({ uin, status: 'ACTIVATED' })
    expect(await port.findIdentity({ uin })).toEqual({ uin, status: 'ACTIVATED' })
    expect(await port.findIdentity({ uin: '12' })).toBeNull()
    expect(await port.findIdentity({ rid: lostRid })).toBeNull()
    await port.updateIdentity({ uin, rid, identity: { UIN: uin, phone: '+254700000001' } })
    await port.setStatus({ uin, rid, status: 'DEACTIVATED' })
    expect(await port.findIdentity({ uin })).toEqual({ uin, status: 'DEACTIVATED' })
    await port.linkRid({ uin, rid: lostRid })
    expect(await port.findIdentity({ rid: lostRid })).toEqual({ uin, status: 'DEACTIVATED' })
  })
})
