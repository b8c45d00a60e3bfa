import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  testBackends,
  type TestDatabase,
} from '../../platform/db/test-database.js'
import { kernelHistory } from './kernel.migrations.js'
import type { KernelTables } from './kernel.tables.js'
import { refillPool, uinTable } from './pool-refill.js'
import { nextRidSequence } from './rid-sequence.js'
import { checkRid, formatRid } from './rid.js'
import { checkUin } from './uin.js'
import {
  allocateUin,
  countUnusedUins,
  ensureUinPool,
  markUinAssigned,
  refillUinPool,
  releaseUin,
  uinStatus,
} from './uin-pool.js'
import { checkVid } from './vid.js'
import { allocateVid, countAvailableVids, ensureVidPool, expireVids } from './vid-pool.js'

const small = { threshold: 20, batch: 50, chunk: 16 }

describe.each(testBackends)('kernel identifier pools on %s', (backend) => {
  let database: TestDatabase | undefined
  afterEach(async () => {
    await database?.drop()
    database = undefined
  })
  const open = async () => {
    database = await createTestDatabase(backend, [kernelHistory])
    return database.db
  }

  it('refills with valid, distinct UNUSED UINs and tops up only below the threshold', async () => {
    const db = await open()
    expect(await ensureUinPool(db, { pool: small })).toEqual({ inserted: 50, duplicates: 0 })
    expect(await ensureUinPool(db, { pool: small })).toEqual({ inserted: 0, duplicates: 0 })
    const rows = await db.withTables<KernelTables>().selectFrom('kernel.uin').selectAll().execute()
    expect(rows).toHaveLength(50)
    for (const row of rows) {
      expect(checkUin(row.uin)).toEqual({ valid: true })
      expect(row).toMatchObject({ uin_status: 'UNUSED', cr_by: 'SYSTEM', is_deleted: false })
    }
    expect(await countUnusedUins(db)).toBe(50)
  })

  it('skips values the pool already holds', async () => {
    const db = await open()
    // A generator that first proposes two UINs the pool already has (one UNUSED, one ASSIGNED).
    let calls = 0
    const existing = ['6214254195', '4609415725']
    await sql`insert into kernel.uin (uin, uin_status, cr_by, cr_dtimes)
      values (${existing[0]}, 'UNUSED', 'test', now()), (${existing[1]}, 'ASSIGNED', 'test', now())`.execute(
      db,
    )
    const result = await refillPool(
      db,
      uinTable,
      () => (calls++ < 2 ? existing[calls - 1]! : `62142541${String(calls).padStart(2, '0')}`),
      5,
      { chunk: 5, by: 'test' },
    )
    expect(result.duplicates).toBe(2)
    expect(result.inserted).toBe(5)
    expect(await uinStatus(db, existing[1]!)).toBe('ASSIGNED')
  })

  it('issues, assigns and releases UINs as MOSIP does', async () => {
    const db = await open()
    await refillUinPool(db, { count: 3, pool: small })
    const uin = await allocateUin(db, { by: 'registration-processor' })
    expect(await uinStatus(db, uin)).toBe('ISSUED')
    await markUinAssigned(db, uin)
    expect(await uinStatus(db, uin)).toBe('ASSIGNED')
    await expect(releaseUin(db, uin)).rejects.toMatchObject({ code: 'KER-UIG-004' })
    const other = await allocateUin(db)
    expect(other).not.toBe(uin)
    await releaseUin(db, other)
    expect(await uinStatus(db, other)).toBe('UNUSED')
    await expect(markUinAssigned(db, '2222222222')).rejects.toMatchObject({ code: 'KER-UIG-001' })
  })

  it('refills an empty pool on allocation', async () => {
    const db = await open()
    const uin = await allocateUin(db, { pool: small })
    expect(checkUin(uin)).toEqual({ valid: true })
    expect(await countUnusedUins(db)).toBe(49)
  })

  it('never hands the same UIN to two parallel allocations', async () => {
    const db = await open()
    await refillUinPool(db, { count: 40, pool: small })
    const allocated = await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction().execute((trx) => allocateUin(trx, { pool: small })),
      ),
    )
    expect(new Set(allocated).size).toBe(40)
    expect(await countUnusedUins(db)).toBe(0)
  })

  it('hands out VIDs with their expiry and expires them', async () => {
    const db = await open()
    expect((await ensureVidPool(db, { pool: small })).inserted).toBe(50)
    const now = new Date('2026-11-24T12:00:00Z')
    const temporary = await allocateVid(db, { expiresAt: new Date('2026-11-24T12:30:00Z'), now })
    const perpetual = await allocateVid(db, { now })
    expect(checkVid(temporary)).toEqual({ valid: true })
    expect(temporary).not.toBe(perpetual)
    expect(await countAvailableVids(db)).toBe(48)
    await expect(allocateVid(db, { expiresAt: now, now })).rejects.toMatchObject({
      code: 'KER-VID-003',
    })
    expect(await expireVids(db, new Date('2026-11-24T12:31:00Z'))).toBe(1)
    const rows = await db
      .withTables<KernelTables>()
      .selectFrom('kernel.vid')
      .select(['vid', 'vid_status'])
      .where('vid_status', '!=', 'AVAILABLE')
      .orderBy('vid_status')
      .execute()
    expect(rows).toEqual([
      { vid: perpetual, vid_status: 'ASSIGNED' },
      { vid: temporary, vid_status: 'EXPIRED' },
    ])
  })

  it('counts RID sequences per center and machine, atomically, wrapping after 99999', async () => {
    const db = await open()
    expect(await nextRidSequence(db, '10001', '10002')).toBe(1)
    expect(await nextRidSequence(db, '10001', '10002')).toBe(2)
    expect(await nextRidSequence(db, '10001', '10003')).toBe(1)
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () => nextRidSequence(db, '10004', '10005')),
    )
    expect([...parallel].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    await sql`update kernel.rid_seq set curr_seq_no = 99998 where regcntr_id = '10001'`.execute(db)
    expect(await nextRidSequence(db, '10001', '10002')).toBe(99_999)
    expect(await nextRidSequence(db, '10001', '10002')).toBe(1)
    const rid = formatRid({
      centerId: '10001',
      machineId: '10002',
      sequence: await nextRidSequence(db, '10001', '10002'),
      createdAt: new Date(),
    })
    expect(checkRid(rid)).toEqual({ valid: true })
    await expect(nextRidSequence(db, '1001', '10002')).rejects.toMatchObject({
      code: 'MOS-IDS-011',
    })
  })
})
