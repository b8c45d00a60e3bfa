import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { testBackends } from '../../../platform/db/test-database.js'
import { mosipCapturedTables } from '../captured-table.js'
import { createCdcDatabase, insertRegistrations, recordingSink } from '../cdc.test-kit.js'
import {
  createMosipDatabase,
  type LogicalCluster,
  logicalClusterUnavailable,
  startLogicalCluster,
} from './logical-cluster.test-kit.js'
import { type CdcConnector, openCdcConnector } from './open-cdc-connector.js'

const registration = mosipCapturedTables.filter((t) => t.name === 'regprc.registration')

describe.each(testBackends)('openCdcConnector, checkpoint on %s', (backend) => {
  const opened: { stop(): Promise<void> }[] = []
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.stop()
  })
  const track = (connector: CdcConnector) => {
    opened.push(connector)
    return connector
  }

  it('polls by watermark a source given as an open handle', async () => {
    const database = await createCdcDatabase(backend)
    opened.push({ stop: () => database.drop() })
    await insertRegistrations(database.db, 3)
    const lines: string[] = []
    const recorded = recordingSink()
    const cdc = track(
      await openCdcConnector({
        source: { name: 'core', db: database.db },
        checkpointDb: database.db,
        tables: registration,
        sink: recorded.sink,
        log: (line) => lines.push(line),
      }),
    )
    expect(cdc.mode).toBe('watermark')
    expect(lines).toEqual([expect.stringContaining('core: watermark (the source is an open')])
    expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 3 })
    expect(cdc.progress()[0]).toMatchObject({ mode: 'watermark', rowsDelivered: 3 })
  })

  it.runIf(testBackends.includes('postgres'))(
    'falls back to watermark polling on a server with wal_level=replica',
    async () => {
      const sourceDb = await createCdcDatabase('postgres', false)
      const checkpoint = await createCdcDatabase(backend)
      opened.push({ stop: () => sourceDb.drop() }, { stop: () => checkpoint.drop() })
      await insertRegistrations(sourceDb.db, 2)
      const recorded = recordingSink()
      const options = {
        source: { name: 'replica-server', url: sourceDb.url ?? '' },
        checkpointDb: checkpoint.db,
        tables: registration,
        sink: recorded.sink,
      }
      const cdc = track(await openCdcConnector(options))
      expect(cdc.mode).toBe('watermark')
      expect(cdc.reason).toMatch(/^wal_level is (replica|minimal), not logical$/)
      expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 2 })
      await expect(openCdcConnector({ ...options, prefer: 'logical' })).rejects.toMatchObject({
        code: 'MOS-RPT-111',
      })
    },
  )
})

describe.skipIf(logicalClusterUnavailable() !== null)(
  'openCdcConnector on wal_level=logical',
  () => {
    let cluster: LogicalCluster
    beforeAll(async () => {
      cluster = await startLogicalCluster()
    }, 60_000)
    afterAll(async () => {
      await cluster?.stop()
    })

    it('chooses logical replication where the server allows it', async () => {
      const source = await createMosipDatabase(cluster, 'mosip_choice')
      const checkpoint = await createCdcDatabase(testBackends[0] ?? 'pglite')
      await insertRegistrations(source.db, 2)
      const recorded = recordingSink()
      const cdc = await openCdcConnector({
        source: { name: 'logical-server', url: cluster.url('mosip_choice') },
        checkpointDb: checkpoint.db,
        tables: registration,
        sink: recorded.sink,
      })
      try {
        expect([cdc.mode, cdc.reason]).toEqual([
          'logical',
          'wal_level is logical and the role may replicate',
        ])
        expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 2 })
        await insertRegistrations(source.db, 2, 10)
        expect(await cdc.pollOnce()).toEqual({ 'regprc.registration': 2 })
        expect(cdc.progress()[0]).toMatchObject({ mode: 'logical', rowsDelivered: 4 })
      } finally {
        await cdc.stop()
        await source.close()
        await checkpoint.drop()
      }
    })
  },
)
