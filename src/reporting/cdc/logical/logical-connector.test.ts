import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Db } from '../../../platform/db/index.js'
import { testBackends } from '../../../platform/db/test-database.js'
import { type CapturedTable, mosipCapturedTables } from '../captured-table.js'
import {
  changeTimeAt,
  createCdcDatabase,
  insertAuditEntry,
  insertRegistration,
  insertRegistrations,
  insertUin,
  recordingSink,
  updateRegistration,
} from '../cdc.test-kit.js'
import type { CdcBatch } from '../watermark-connector.js'
import { WatermarkConnector } from '../watermark-connector.js'
import {
  createMosipDatabase,
  type LogicalCluster,
  logicalClusterUnavailable,
  startLogicalCluster,
} from './logical-cluster.test-kit.js'
import { LogicalConnector } from './logical-connector.js'
import type { LogicalConnectorOptions } from './logical-options.js'
import { dropReplication, replicationNames } from './replication-setup.js'

const table = (name: string): CapturedTable => {
  const found = mosipCapturedTables.find((t) => t.name === name)
  if (!found) throw new Error(name)
  return found
}
const registration = table('regprc.registration')
const unavailable = logicalClusterUnavailable()
if (unavailable) console.warn(`logical replication tests skipped: ${unavailable}`)

/** Inserts `count` registrations in ONE transaction, ids `<prefix>00000`…. */
async function insertManyInOneTransaction(db: Db, prefix: string, count: number): Promise<void> {
  await sql`insert into regprc.registration (workflow_instance_id, reg_id, process, status_code,
      lang_code, is_active, cr_by, cr_dtimes)
    select ${prefix} || lpad(i::text, 5, '0'), '10001' || lpad(i::text, 24, '0'), 'NEW',
      'PROCESSING', 'eng', true, 'SYSTEM',
      timestamp '2025-12-02 00:00:00' + i * interval '1 millisecond'
    from generate_series(0, ${count - 1}) as i`.execute(db)
}

describe.skipIf(unavailable !== null).each(testBackends)(
  'logical replication CDC connector, checkpoint on %s',
  (backend) => {
    let cluster: LogicalCluster
    const opened: { stop(): Promise<void> }[] = []
    beforeAll(async () => {
      cluster = await startLogicalCluster()
    }, 60_000)
    afterAll(async () => {
      await cluster?.stop()
    })
    afterEach(async () => {
      for (const item of opened.splice(0).reverse()) await item.stop()
    })

    let sourceName = ''
    async function source(): Promise<{ source: Database; url: string; checkpointDb: Db }> {
      const name = `mosip_${randomBytes(4).toString('hex')}`
      // Slots are per server: one source name per database.
      sourceName = name
      const database = await createMosipDatabase(cluster, name)
      opened.push({ stop: () => database.close() })
      // The checkpoint lives in another database (on another server) than the source.
      const checkpoint = await createCdcDatabase(backend)
      opened.push({ stop: () => checkpoint.drop() })
      return { source: database, url: cluster.url(name), checkpointDb: checkpoint.db }
    }

    async function connector(
      url: string,
      checkpointDb: Db,
      options: Partial<LogicalConnectorOptions> & Pick<LogicalConnectorOptions, 'sink'>,
    ): Promise<LogicalConnector> {
      const made = await LogicalConnector.open({
        source: { name: sourceName, url },
        checkpointDb,
        tables: [registration],
        batchSize: 4,
        ...options,
      })
      opened.push(made)
      return made
    }

    it('delivers inserts, updates, soft and hard deletes with the watermark keys and captured columns only', async () => {
      const { source: src, url, checkpointDb } = await source()
      const db = src.db
      await insertRegistrations(db, 3)
      await insertUin(db, 'u1', 5)
      const recorded = recordingSink()
      const cdc = await connector(url, checkpointDb, {
        sink: recorded.sink,
        tables: [registration, table('idrepo.uin')],
      })
      // The snapshot copies the rows that existed when the slot was created.
      expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 3, 'idrepo.uin': 1 })
      const snapshotKeys = recorded.keys()
      await updateRegistration(db, 'r000', 100)
      await sql`update regprc.registration set is_deleted = true,
        del_dtimes = timestamp '2025-12-01 08:01:50', upd_dtimes = timestamp '2025-12-01 08:01:50'
        where workflow_instance_id = 'r001'`.execute(db)
      await sql`delete from regprc.registration where workflow_instance_id = 'r002'`.execute(db)
      await insertRegistration(db, 'r003', 120)
      await sql`update idrepo.uin set status_code = 'BLOCKED', uin_data = ${Buffer.from('PERSONAL-2')},
        upd_dtimes = timestamp '2025-12-01 08:02:10' where uin_ref_id = 'u1'`.execute(db)
      expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 4, 'idrepo.uin': 1 })
      const streamed = recorded.batches.flatMap((b) => b.changes).slice(snapshotKeys.length)
      expect(streamed.map((c) => [c.key, c.deleted])).toEqual([
        [`regprc.registration:["r000"]@${changeTimeAt(100)}`, false],
        [`regprc.registration:["r001"]@${changeTimeAt(110)}`, true],
        [expect.stringMatching(/^regprc\.registration:\["r002"\]@\d{4}-.*\.\d{6}$/), true],
        [`regprc.registration:["r003"]@${changeTimeAt(120)}`, false],
        [`idrepo.uin:["u1"]@${changeTimeAt(130)}`, false],
      ])
      // A hard delete carries the key only.
      expect(streamed[2]?.row).toEqual({ workflow_instance_id: 'r002' })
      for (const change of streamed.filter((c) => c !== streamed[2])) {
        const columns = table(change.table).columns
        expect(Object.keys(change.row).sort()).toEqual([...columns].sort())
      }
      expect(JSON.stringify(recorded.batches)).not.toContain('PERSONAL')

      // The watermark connector reading the same source gives the same keys and values.
      const watermark = recordingSink()
      const polling = await WatermarkConnector.open({
        source: { name: 'mosip-watermark', url },
        checkpointDb,
        tables: [registration, table('idrepo.uin')],
        sink: watermark.sink,
      })
      opened.push(polling)
      await polling.pollOnce()
      const logicalByKey = new Map(
        recorded.batches.flatMap((b) => b.changes).map((c) => [c.key, c]),
      )
      const polled = watermark.batches.flatMap((b) => b.changes)
      expect(polled).toHaveLength(4)
      for (const change of polled) expect(logicalByKey.get(change.key)).toEqual(change)
    })

    it('cuts a large transaction into bounded batches of one table, in commit order per table', async () => {
      const { source: src, url, checkpointDb } = await source()
      const recorded = recordingSink()
      const cdc = await connector(url, checkpointDb, {
        sink: recorded.sink,
        batchSize: 100,
        tables: [registration, table('audit.app_audit_log')],
      })
      await cdc.pollOnce()
      await src.db.transaction().execute(async (trx) => {
        await insertManyInOneTransaction(trx, 'a', 950)
        await sql`insert into audit.app_audit_log (log_id, log_dtimes, event_id, event_type,
            event_name, action_dtimes, host_name, host_ip, session_user_id, session_user_name,
            app_id, app_name, cr_by)
          select 'log' || i, timestamp '2025-12-03 00:00:00', 'E', 'BUSINESS', 'N',
            timestamp '2025-12-03 00:00:00', 'h', '127.0.0.1', 'SYSTEM', 'PERSONAL-NAME',
            'A', 'APP', 'SYSTEM'
          from generate_series(1, 150) as i`.execute(trx)
        await insertManyInOneTransaction(trx, 'b', 10)
      })
      expect(await cdc.pollOnce()).toEqual({
        'regprc.registration': 960,
        'audit.app_audit_log': 150,
      })
      expect(recorded.batches.map((b) => [b.table, b.changes.length])).toEqual([
        ...Array.from({ length: 9 }, () => ['regprc.registration', 100]),
        // A window of 100 changes, grouped by table.
        ['regprc.registration', 50],
        ['audit.app_audit_log', 50],
        ['audit.app_audit_log', 100],
        ['regprc.registration', 10],
      ])
      const keys = recorded.keys()
      expect(new Set(keys).size).toBe(keys.length)
      for (const batch of recorded.batches) {
        expect(batch.changes.every((c) => c.table === batch.table)).toBe(true)
      }
    })

    it('resumes after a failed sink from the acknowledged position, inside a transaction', async () => {
      const { source: src, url, checkpointDb } = await source()
      const first = recordingSink(4)
      const cdc = await connector(url, checkpointDb, { sink: first.sink, batchSize: 100 })
      await cdc.pollOnce()
      await insertManyInOneTransaction(src.db, 'c', 500)
      await insertManyInOneTransaction(src.db, 'd', 200)
      // Batches 1-3 of the first transaction are acknowledged; the 4th fails.
      await expect(cdc.pollOnce()).rejects.toThrow('sink down')
      expect(first.keys()).toHaveLength(300)
      expect(cdc.progress()[0]).toMatchObject({ mode: 'logical', rowsDelivered: 300 })
      await cdc.stop()

      const second = recordingSink()
      const resumed = await connector(url, checkpointDb, { sink: second.sink, batchSize: 100 })
      expect(await resumed.pollOnce()).toEqual({ 'regprc.registration': 400 })
      const all = [...first.keys(), ...second.keys()]
      expect(new Set(all).size).toBe(700)
      expect(all).toHaveLength(700)
      expect(resumed.progress()[0]).toMatchObject({ rowsDelivered: 700, batchesDelivered: 7 })
      // Nothing left: a third connector on the same checkpoint delivers nothing.
      await resumed.stop()
      const third = recordingSink()
      const again = await connector(url, checkpointDb, { sink: third.sink })
      await insertRegistration(src.db, 'late', 500)
      expect(await again.pollOnce()).toEqual({ 'regprc.registration': 1 })
      expect(third.keys()).toEqual([`regprc.registration:["late"]@${changeTimeAt(500)}`])
    })

    it('takes a new snapshot when a table is added to the capture', async () => {
      const { source: src, url, checkpointDb } = await source()
      await insertRegistrations(src.db, 2)
      await insertAuditEntry(src.db, 'a1', 3)
      const first = recordingSink()
      const cdc = await connector(url, checkpointDb, { sink: first.sink })
      expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 2 })
      await cdc.stop()
      const second = recordingSink()
      const widened = await connector(url, checkpointDb, {
        sink: second.sink,
        tables: [registration, table('audit.app_audit_log')],
      })
      // The audit entry existed before its table was published: only a snapshot has it. The
      // registrations come again with the same keys (the lake deduplicates them).
      expect(await widened.pollOnce()).toEqual({
        'regprc.registration': 2,
        'audit.app_audit_log': 1,
      })
      expect(second.keys()).toEqual([
        ...first.keys(),
        `audit.app_audit_log:["a1"]@${changeTimeAt(3)}`,
      ])
      await insertAuditEntry(src.db, 'a2', 4)
      expect(await widened.pollOnce()).toEqual({
        'regprc.registration': 0,
        'audit.app_audit_log': 1,
      })
    })

    it('fills unchanged TOASTed values by reading the row', async () => {
      const { source: src, url, checkpointDb } = await source()
      const profiles = table('idrepo.anonymous_profile')
      const batches: CdcBatch[] = []
      const cdc = await connector(url, checkpointDb, {
        sink: async (b) => {
          batches.push(b)
        },
        tables: [profiles],
      })
      await cdc.pollOnce()
      // Random text does not compress, so PostgreSQL stores it out of line (TOAST).
      const profile = JSON.stringify({ noise: randomBytes(12_000).toString('base64') })
      await sql`insert into idrepo.anonymous_profile (id, profile, cr_by, cr_dtimes)
        values ('p1', ${profile}, 'SYSTEM', timestamp '2025-12-01 08:00:00')`.execute(src.db)
      await sql`update idrepo.anonymous_profile set upd_by = 'STAGE',
        upd_dtimes = timestamp '2025-12-01 09:00:00' where id = 'p1'`.execute(src.db)
      expect(await cdc.pollOnce()).toEqual({ 'idrepo.anonymous_profile': 2 })
      const changes = batches.flatMap((b) => b.changes)
      expect(changes.map((c) => [c.row['upd_by'], c.row['profile'] === profile])).toEqual([
        [null, true],
        ['STAGE', true],
      ])
      // Retiring a source removes its slot (which would otherwise hold WAL forever).
      await cdc.stop()
      await dropReplication(src.db, replicationNames(sourceName))
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_replication_slots
        where slot_name = ${replicationNames(sourceName).slot}`.execute(src.db)
      expect(rows).toEqual([{ n: 0 }])
    })
  },
)
