import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackends } from '../../platform/db/test-database.js'
import { openIdRepoHarness, sampleRequest, type IdRepoHarness } from './idrepo.test-kit.js'
import { packetConsent } from './journal/journal.test-kit.js'

describe.each(testBackends)('auth type locks on %s', (backend) => {
  let harness: IdRepoHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('locks, unlocks for a while, and locks again when the unlock expires', async () => {
    harness = await openIdRepoHarness(backend)
    const { idRepo, locks } = harness
    const { uin, uinRefId } = await idRepo.create(sampleRequest(), 'regproc')
    expect((await locks.status(uin)).every((s) => !s.locked)).toBe(true)

    await locks.update(
      uin,
      [
        { authType: 'demo', locked: true },
        { authType: 'bio-FIR', locked: true },
      ],
      'resident',
      packetConsent(),
    )
    expect(await locks.isLocked(uin, 'demo')).toBe(true)
    expect(await locks.isLocked(uin, 'bio-FIR')).toBe(true)
    expect(await locks.isLocked(uin, 'otp-email')).toBe(false)

    const after = await locks.update(
      uin,
      [{ authType: 'demo', locked: false, unlockForSeconds: 60 }],
      'resident',
      packetConsent(),
    )
    const demo = after.find((s) => s.authType === 'demo')!
    expect(demo.locked).toBe(false)
    expect(demo.unlockExpiresAt!.getTime() - Date.now()).toBeGreaterThan(50_000)
    expect(await locks.isLocked(uin, 'demo', new Date(Date.now() + 61_000))).toBe(true)

    await locks.update(uin, [{ authType: 'bio-FIR', locked: false }], 'resident', packetConsent())
    expect(await locks.isLocked(uin, 'bio-FIR', new Date(Date.now() + 86_400_000))).toBe(false)

    const { rows } = await sql<{ n: number; status: string }>`
      select count(*)::int as n, string_agg(status_code, ',' order by lock_request_datetime) as status
      from idrepo.uin_auth_lock`.execute(harness.database.db)
    expect(rows[0]).toEqual({ n: 4, status: 'true,true,false,false' })
    const events = (await harness.events()).filter(
      (e) => e.topic === 'identity.AUTH_TYPE_STATUS_UPDATE',
    )
    expect(events).toHaveLength(3)
    expect(events[0]!.event).toMatchObject({ subject: uinRefId, data: { uinRefId } })
    expect((await harness.audits()).filter((a) => a.event_id === 'IDR-016')).toHaveLength(3)

    await expect(
      locks.update(
        uin,
        [{ authType: 'bio-TOE' as 'demo', locked: true }],
        'resident',
        packetConsent(),
      ),
    ).rejects.toMatchObject({ code: 'IDR-IDC-002' })
  })
})
