import { join } from 'node:path'
import { DataDirInUseError, lockDataDir } from '../platform/db/index.js'
import type { Platform } from '../platform/platform.js'
import type { CdcTableProgress } from './cdc/watermark-connector.js'
import { collatedTables } from './collation/collation-datasets.js'
import { LakeReader } from './lake/lake-reader.js'
import { LakeWriter } from './lake/lake-writer.js'
import type { LakeDataset } from './lake/lake-dataset.js'
import { openCapture } from './reporting-capture.js'
import { rollupDatasets } from './rollups/rollup-datasets.js'

/** The datasets a reporting process reads: the collated facts and their rollups. */
export const reportingDatasets: readonly LakeDataset[] = [
  ...collatedTables.map((t) => t.dataset),
  ...rollupDatasets,
]

/**
 * The reporting module's moving parts in one process: the lake, its reader, and, when this
 * process owns the lake, the writer and the change data capture feeding it.
 */
export interface ReportingRuntime {
  readonly lakeRoot: string
  /** Where retention moves old partitions; the reader still reads them there. */
  readonly archiveRoot: string
  readonly reader: LakeReader
  /** Null when another process owns the lake (it keeps it current; this one only reads). */
  readonly writer: LakeWriter | null
  /** Brings the lake up to the source's present (one CDC poll); no-op for a read-only runtime. */
  catchUp(): Promise<void>
  /** CDC progress per captured table (empty for a read-only runtime). */
  progress(): readonly CdcTableProgress[]
  close(): Promise<void>
}

/** Options of `openReportingRuntime`. */
export interface ReportingRuntimeOptions {
  /** Keep capturing in the background (the server); a CLI run only catches up once. */
  readonly background: boolean
}

/**
 * Opens the lake under `reporting.lakeDir` and, if no other process holds it, becomes its
 * writer: captures changes from the source (Mosaic's own database, or `reporting.sourceUrl`)
 * into the collated datasets.
 */
export async function openReportingRuntime(
  platform: Platform,
  options: ReportingRuntimeOptions,
): Promise<ReportingRuntime> {
  const { settings, logger } = platform
  const lakeRoot = settings.reporting.lakeDir ?? join(settings.home, 'lake')
  const archiveRoot = settings.reporting.archiveDir ?? join(settings.home, 'lake-archive')
  const release = claimLake(lakeRoot)
  const reader = await LakeReader.open({
    root: lakeRoot,
    archiveRoot,
    datasets: reportingDatasets,
  })
  if (release === null) {
    logger.info({ 'file.path': lakeRoot }, 'lake owned by another process; reading only')
    return readOnlyRuntime(lakeRoot, archiveRoot, reader)
  }
  const writer = await LakeWriter.open({ root: lakeRoot })
  const capture = await openCapture(platform, writer)
  if (options.background) capture.start()
  return {
    lakeRoot,
    archiveRoot,
    reader,
    writer,
    catchUp: () => capture.catchUp(),
    progress: () => capture.progress(),
    async close() {
      await capture.stop()
      await writer.close()
      await reader.close()
      release()
    },
  }
}

function readOnlyRuntime(
  lakeRoot: string,
  archiveRoot: string,
  reader: LakeReader,
): ReportingRuntime {
  return {
    lakeRoot,
    archiveRoot,
    reader,
    writer: null,
    catchUp: async () => {},
    progress: () => [],
    close: () => reader.close(),
  }
}

/** One writer per lake: the pid lock beside it, or null when a live process holds it. */
function claimLake(lakeRoot: string): (() => void) | null {
  try {
    return lockDataDir(lakeRoot)
  } catch (error) {
    if (error instanceof DataDirInUseError) return null
    throw error
  }
}
