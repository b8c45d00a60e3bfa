import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../platform/db/index.js'
import { testBackends, type TestDatabase } from '../../platform/db/test-database.js'
import { type CapturedTable, mosipCapturedTables } from './captured-table.js'
import {
  changeTimeAt,
  createCdcDatabase,
  insertAuditEntry,
  insertCenter,
  insertRegistration,
  insertRegistrations,
  insertUin,
  recordingSink,
  updateRegistration,
} from './cdc.test-kit.js'
import { type WatermarkConnectorOptions, WatermarkConnector } from './watermark-connector.js'

const table = (name: string): CapturedTable => {
  const found = mosipCapturedTables.find((t) => t.name === name)
  if (!found) throw new Error(name)
  return found
}
const registration = table('regprc.registration')

describe.each(testBackends)('watermark CDC connector on %s', (backend) => {
  const opened: { stop(): Promise<void> }[] = []
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.stop()
  })

  async function database(withReporting = true): Promise<TestDatabase> {
    const db = await createCdcDatabase(backend, withReporting)
    opened.push({ stop: () => db.drop() })
    return db
  }

  async function connector(
    db: Db,
    options: Partial<WatermarkConnectorOptions> & Pick<WatermarkConnectorOptions, 'sink'>,
  ): Promise<WatermarkConnector> {
    const made = await WatermarkConnector.open({
      source: { name: 'core', db },
      checkpointDb: db,
      tables: [registration],
      batchSize: 4,
      ...options,
    })
    opened.push(made)
    return made
  }

  it('captures every table in full, in bounded batches, without personal columns', async () => {
    const { db } = await database()
    await insertRegistrations(db, 10)
    await insertCenter(db, '10001', 3)
    await insertUin(db, 'u1', 5)
    await insertAuditEntry(db, 'a1', 7)
    const recorded = recordingSink()
    const cdc = await connector(db, { sink: recorded.sink, tables: mosipCapturedTables })

    const delivered = await cdc.pollOnce()

    expect(delivered).toMatchObject({
      'regprc.registration': 10,
      'master.registration_center': 2,
      'idrepo.uin': 1,
      'audit.app_audit_log': 1,
      'ida.auth_transaction': 0,
    })
    expect(recorded.batches.every((b) => b.changes.length <= 4)).toBe(true)
    const changes = recorded.batches.flatMap((b) => b.changes)
    const registrationTimes = changes
      .filter((c) => c.table === 'regprc.registration')
      .map((c) => c.changeTime)
    expect(registrationTimes).toEqual([...registrationTimes].sort())
    expect(new Set(recorded.keys()).size).toBe(14)
    const uin = changes.find((c) => c.table === 'idrepo.uin')
    expect(Object.keys(uin?.row ?? {}).sort()).toEqual([...table('idrepo.uin').columns].sort())
    expect(uin?.key).toBe(`idrepo.uin:["u1"]@${changeTimeAt(5)}`)
    // No personal marker reaches the sink, whatever the table.
    expect(JSON.stringify(changes)).not.toContain('PERSONAL')
    expect(changes.find((c) => c.table === 'master.registration_center')?.primaryKey).toEqual([
      '10001',
      'eng',
    ])
  })

  it('refuses a table that lists a personal column', async () => {
    const { db } = await database()
    const withUin = { ...table('idrepo.uin'), columns: [...table('idrepo.uin').columns, 'uin'] }
    await expect(
      WatermarkConnector.open({
        source: { name: 'core', db },
        checkpointDb: db,
        tables: [withUin],
        sink: async () => {},
      }),
    ).rejects.toMatchObject({ code: 'MOS-RPT-102' })
  })

  it('delivers inserts and updates once, soft deletes marked, hard deletes unseen', async () => {
    const { db } = await database()
    await insertRegistrations(db, 6)
    const recorded = recordingSink()
    const cdc = await connector(db, { sink: recorded.sink })
    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 6 })

    await insertRegistration(db, 'new1', 100)
    await updateRegistration(db, 'r002', 101)
    await sql`update regprc.registration set is_deleted = true,
      del_dtimes = timestamp '2025-12-01 08:01:42', upd_dtimes = timestamp '2025-12-01 08:01:42'
      where workflow_instance_id = 'r003'`.execute(db)
    await sql`delete from regprc.registration where workflow_instance_id = 'r004'`.execute(db)
    const before = recorded.batches.length

    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 3 })
    const changes = recorded.batches.slice(before).flatMap((b) => b.changes)
    expect(changes.map((c) => [c.primaryKey[0], c.changeTime, c.deleted])).toEqual([
      ['new1', changeTimeAt(100), false],
      ['r002', changeTimeAt(101), false],
      ['r003', changeTimeAt(102), true],
    ])
    expect(changes[1]?.row['status_code']).toBe('PROCESSED')
    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 0 })
    expect(new Set(recorded.keys()).size).toBe(recorded.keys().length)
  })

  it('resumes after the sink fails mid-stream without loss or re-delivery', async () => {
    const { db } = await database()
    const ids = await insertRegistrations(db, 25)
    const failing = recordingSink(3)
    const first = await connector(db, { sink: failing.sink })
    await expect(first.pollOnce()).rejects.toThrow('sink down')
    const acknowledged = failing.keys()
    expect(acknowledged).toHaveLength(8)
    expect(first.progress()[0]).toMatchObject({ rowsDelivered: 8, lastError: 'Error: sink down' })
    await first.stop()

    // A new process: everything it knows comes from reporting.cdc_checkpoint.
    const resumed = recordingSink()
    const second = await connector(db, { sink: resumed.sink })
    expect(second.progress()[0]).toMatchObject({ rowsDelivered: 8 })
    expect(await second.pollOnce()).toEqual({ 'regprc.registration': 17 })
    const all = [...acknowledged, ...resumed.keys()]
    expect(resumed.keys().filter((k) => acknowledged.includes(k))).toEqual([])
    expect(new Set(all).size).toBe(25)
    expect(all.map((k) => /\["(r\d+)"\]/.exec(k)?.[1]).sort()).toEqual(ids)
    expect(second.progress()[0]).toMatchObject({ rowsDelivered: 25, lastError: null })
  })

  it('catches a late commit with an older change time inside the overlap window', async () => {
    const { db } = await database()
    await insertRegistrations(db, 5, 96) // change times 96..100 s
    const recorded = recordingSink()
    const cdc = await connector(db, { sink: recorded.sink, overlapSeconds: 60 })
    await cdc.pollOnce()
    expect(cdc.progress()[0]?.watermark).toBe(changeTimeAt(100))

    // Committed after the poll, stamped before the watermark: 30 s back is inside the
    // window; 90 s back is not, and is missed (the documented limit of the window).
    await insertRegistration(db, 'late', 70)
    await insertRegistration(db, 'too-late', 9)
    const before = recorded.batches.length
    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 1 })
    expect(recorded.batches.slice(before).flatMap((b) => b.changes.map((c) => c.key))).toEqual([
      `regprc.registration:["late"]@${changeTimeAt(70)}`,
    ])
    // The watermark does not move back, and the window's versions survive a restart.
    expect(cdc.progress()[0]?.watermark).toBe(changeTimeAt(100))
    await cdc.stop()
    const again = recordingSink()
    const restarted = await connector(db, { sink: again.sink, overlapSeconds: 60 })
    expect(await restarted.pollOnce()).toEqual({ 'regprc.registration': 0 })
  })

  it('holds back rows newer than the source clock minus the hold-back', async () => {
    const { db } = await database()
    await insertRegistration(db, 'recent', new Date(Date.now() - 30_000).toISOString().slice(0, 23))
    await insertRegistration(
      db,
      'future',
      new Date(Date.now() + 3_600_000).toISOString().slice(0, 23),
    )
    const held = recordingSink()
    const holding = await connector(db, { sink: held.sink, holdBackSeconds: 600 })
    expect(await holding.pollOnce()).toEqual({ 'regprc.registration': 0 })
    expect(holding.progress()[0]?.lagSeconds).toBeGreaterThanOrEqual(600)
    await holding.stop()

    const recorded = recordingSink()
    const cdc = await connector(db, { sink: recorded.sink, holdBackSeconds: 0 })
    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 1 })
    expect(recorded.batches[0]?.changes[0]?.primaryKey).toEqual(['recent'])
    const [progress] = cdc.progress()
    expect(progress?.lagSeconds).toBeLessThan(60)
    expect(progress?.rowsDelivered).toBe(1)
  })

  it('refuses to move a checkpoint another connector moved', async () => {
    const { db } = await database()
    await insertRegistrations(db, 3)
    const one = await connector(db, { sink: async () => {} })
    const two = await connector(db, { sink: async () => {} })
    await one.pollOnce()
    await expect(two.pollOnce()).rejects.toMatchObject({ code: 'MOS-RPT-104' })
  })

  it('polls in the background until stopped', async () => {
    const { db } = await database()
    await insertRegistrations(db, 3)
    const recorded = recordingSink()
    const cdc = await connector(db, { sink: recorded.sink, pollIntervalMs: 10 })
    cdc.start()
    await expect.poll(() => recorded.keys().length).toBe(3)
    await insertRegistration(db, 'later', 50)
    await expect.poll(() => recorded.keys().length).toBe(4)
    await cdc.stop()
    await expect(cdc.pollOnce()).rejects.toMatchObject({ code: 'MOS-RPT-105' })
  })

  it.runIf(backend === 'postgres')(
    'delivers again only the batch acknowledged when the checkpoint could not be written',
    async () => {
      const { db, url } = await database()
      if (!url) throw new Error('PostgreSQL test database without a url')
      await insertRegistrations(db, 10)
      // The checkpoint is written through a handle the sink kills right after acknowledging
      // its second batch: the process "dies" between the acknowledgement and the commit.
      const doomed = await openDatabase({ url, poolMax: 1 })
      const acknowledged: string[] = []
      let calls = 0
      const first = await connector(db, {
        checkpointDb: doomed.db,
        async sink(batch) {
          acknowledged.push(...batch.changes.map((c) => c.key))
          calls += 1
          if (calls === 2) await doomed.close()
        },
      })
      await expect(first.pollOnce()).rejects.toThrow()
      expect(acknowledged).toHaveLength(8)

      const resumed = recordingSink()
      const second = await connector(db, { sink: resumed.sink })
      expect(await second.pollOnce()).toEqual({ 'regprc.registration': 6 })
      // Exactly the unrecorded batch (rows 5-8) comes again, with the same idempotency keys.
      expect(resumed.keys().filter((k) => acknowledged.includes(k))).toEqual(
        acknowledged.slice(4, 8),
      )
      expect(new Set([...acknowledged, ...resumed.keys()]).size).toBe(10)
    },
  )

  it.runIf(testBackends.includes('postgres'))(
    'captures a separate PostgreSQL database by connection string, checkpoint kept here',
    async () => {
      const checkpoint = await database()
      const source = await createCdcDatabase('postgres', false)
      opened.push({ stop: () => source.drop() })
      if (!source.url) throw new Error('PostgreSQL test database without a url')
      await insertRegistrations(source.db, 9)
      const options = {
        source: { name: 'mosip-remote', url: source.url },
        checkpointDb: checkpoint.db,
        tables: [registration],
        batchSize: 4,
      }
      const failing = recordingSink(2)
      const first = await WatermarkConnector.open({ ...options, sink: failing.sink })
      opened.push(first)
      await expect(first.pollOnce()).rejects.toThrow('sink down')
      await first.stop()

      await insertRegistration(source.db, 'after-restart', 200)
      const resumed = recordingSink()
      const second = await WatermarkConnector.open({ ...options, sink: resumed.sink })
      opened.push(second)
      expect(await second.pollOnce()).toEqual({ 'regprc.registration': 6 })
      const keys = [...failing.keys(), ...resumed.keys()]
      expect(new Set(keys).size).toBe(10)
      expect(keys).toHaveLength(10)
      const { rows } = await sql<{ source: string; rows_delivered: number }>`
        select source, rows_delivered from reporting.cdc_checkpoint`.execute(checkpoint.db)
      expect(rows).toEqual([{ source: 'mosip-remote', rows_delivered: 10 }])
      const sourceSchemas = await sql<{ n: number }>`select count(*)::int as n
        from information_schema.schemata where schema_name = 'reporting'`.execute(source.db)
      expect(sourceSchemas.rows[0]?.n).toBe(0)
    },
  )
})
