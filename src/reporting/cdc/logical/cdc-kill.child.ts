/*
 * The reporting process of the kill test (cdc-kill.test.ts): CDC from a source into a lake
 * through the collation sink, until SIGKILL (the test's crash) or SIGTERM (a clean stop).
 * Writes one JSON line per acknowledged batch and per completed catch-up on stdout.
 * Run: node --import tsx cdc-kill.child.ts '<json settings>'
 */
import { z } from 'zod'
import { openDatabase } from '../../../platform/db/index.js'
import { AppError } from '../../../platform/errors.js'
import { createCollationSink } from '../../collation/collation-sink.js'
import { collationCapturedTables } from '../../collation/collation-datasets.js'
import { LakeWriter } from '../../lake/lake-writer.js'
import { openCdcConnector } from './open-cdc-connector.js'

const settings = z
  .object({
    mode: z.enum(['logical', 'watermark']),
    sourceName: z.string(),
    sourceUrl: z.string(),
    checkpointUrl: z.string(),
    lakeRoot: z.string(),
    batchSize: z.number().int(),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'))

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)

const checkpoint = await openDatabase({ url: settings.checkpointUrl, poolMax: 2 })
const writer = await LakeWriter.open({ root: settings.lakeRoot })
const collate = createCollationSink({ writer })
const cdc = await openCdcConnector({
  source: { name: settings.sourceName, url: settings.sourceUrl },
  checkpointDb: checkpoint.db,
  tables: collationCapturedTables,
  prefer: settings.mode,
  batchSize: settings.batchSize,
  sink: async (batch) => {
    await collate(batch)
    say({ event: 'batch', table: batch.table, rows: batch.changes.length })
  },
})
say({ event: 'open', mode: cdc.mode })

let stopping = false
process.on('SIGTERM', () => {
  stopping = true
})
while (!stopping) {
  try {
    const delivered = await cdc.pollOnce()
    say({ event: 'poll', rows: Object.values(delivered).reduce((a, b) => a + b, 0) })
  } catch (error) {
    // A poll that fails is retried, as the background loop does; the test sees the code.
    say({ event: 'error', code: error instanceof AppError ? error.code : String(error) })
  }
  await new Promise((resolve) => setTimeout(resolve, 50))
}
await cdc.stop()
await writer.close()
await checkpoint.close()
say({ event: 'stopped' })
