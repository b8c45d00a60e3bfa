import { seedActivity } from '../identity/index.js'
import type { Platform } from '../platform/platform.js'
import { openCdcConnector } from './cdc/logical/open-cdc-connector.js'
import { type CdcTableProgress, WatermarkConnector } from './cdc/watermark-connector.js'
import { collationCapturedTables } from './collation/collation-datasets.js'
import { createCollationSink } from './collation/collation-sink.js'
import type { LakeWriter } from './lake/lake-writer.js'
import { reportErrors } from './report-errors.js'

/** Change data capture into the lake, whichever connector feeds it. */
export interface Capture {
  /** One poll up to the source's present. */
  catchUp(): Promise<void>
  /** Keeps polling in the background until `stop`. */
  start(): void
  stop(): Promise<void>
  progress(): readonly CdcTableProgress[]
}

/**
 * Captures `reporting.sourceUrl` (a MOSIP database: logical replication where the server allows
 * it, watermark polling where not), or else Mosaic's own database by watermark, pausing while a
 * seed loads and reading everything again once a seed has completed: a seed writes history
 * whose change times are behind any watermark already passed.
 */
export async function openCapture(platform: Platform, writer: LakeWriter): Promise<Capture> {
  const { settings, logger } = platform
  const common = {
    checkpointDb: platform.db,
    tables: collationCapturedTables,
    sink: createCollationSink({ writer }),
    pollIntervalMs: settings.reporting.cdcPollMs,
    onError: (error: unknown) =>
      logger.warn({ err: error }, 'change data capture poll failed; retrying'),
  }
  const { sourceUrl } = settings.reporting
  if (sourceUrl !== undefined) {
    const connector = await openCdcConnector({
      ...common,
      source: { name: 'mosip', url: sourceUrl },
      log: (line) => logger.info(line),
    })
    return {
      catchUp: async () => void (await connector.pollOnce()),
      start: () => connector.start(),
      stop: () => connector.stop(),
      progress: () => connector.progress(),
    }
  }
  let seedRuns: number | undefined
  const gate = async (): Promise<boolean> => {
    const activity = await seedActivity(platform.db)
    if (activity.loading) return false
    if (seedRuns !== undefined && activity.completedRuns > seedRuns) {
      logger.info('a seed completed: capturing the database again from the start')
      await connector.rewind()
    }
    seedRuns = activity.completedRuns
    return true
  }
  const connector: WatermarkConnector = await WatermarkConnector.open({
    ...common,
    source: { name: 'core', db: platform.db },
    gate,
  })
  return {
    async catchUp() {
      if (!(await gate())) throw reportErrors.seedLoading()
      await connector.pollOnce()
    },
    start: () => connector.start(),
    stop: () => connector.stop(),
    progress: () => connector.progress(),
  }
}
