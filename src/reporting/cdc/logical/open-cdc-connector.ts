import type { Db } from '../../../platform/db/index.js'
import type { CapturedTable } from '../captured-table.js'
import { type CdcSourceConfig, openCdcSource } from '../cdc-source.js'
import { type CdcSink, type CdcTableProgress, WatermarkConnector } from '../watermark-connector.js'
import { LogicalConnector } from './logical-connector.js'
import { logicalErrors } from './logical-errors.js'
import { checkReplicationSupport } from './replication-setup.js'

/** Which connector reads a source. */
export type CdcConnectorMode = 'logical' | 'watermark'

/** A table's progress, with the mode of the connector that reports it. */
export interface CdcConnectorProgress extends CdcTableProgress {
  readonly mode: CdcConnectorMode
}

/** The connector `openCdcConnector` chose, behind the shape both connectors share. */
export interface CdcConnector {
  readonly mode: CdcConnectorMode
  /** Why this mode (e.g. "wal_level is replica, not logical"). */
  readonly reason: string
  pollOnce(): Promise<Record<string, number>>
  start(): void
  stop(): Promise<void>
  progress(): CdcConnectorProgress[]
}

/** Options of `openCdcConnector`: the union of both connectors' settings. */
export interface OpenCdcConnectorOptions {
  readonly source: CdcSourceConfig
  readonly checkpointDb: Db
  readonly tables: readonly CapturedTable[]
  readonly sink: CdcSink
  /** `auto` (default) uses logical replication where the source allows it. */
  readonly prefer?: 'auto' | CdcConnectorMode
  readonly batchSize?: number
  readonly pollIntervalMs?: number
  /** Watermark only (see `WatermarkConnector`). */
  readonly overlapSeconds?: number
  readonly holdBackSeconds?: number
  /** Logical only (see `LogicalConnector`). */
  readonly statusIntervalMs?: number
  readonly initialSnapshot?: boolean
  readonly onError?: (error: unknown) => void
  /** Receives the choice and other notable events, one line each. */
  readonly log?: (line: string) => void
  readonly now?: () => Date
}

/**
 * Opens the CDC connector the source allows: logical replication when the source is a
 * connection string, `wal_level` is logical and the role may replicate; watermark polling
 * otherwise. Logs the choice and why, and reports it in `mode` and `reason`.
 */
export async function openCdcConnector(options: OpenCdcConnectorOptions): Promise<CdcConnector> {
  const choice = await chooseMode(options)
  options.log?.(`cdc ${options.source.name}: ${choice.mode} (${choice.reason})`)
  const common = {
    checkpointDb: options.checkpointDb,
    tables: options.tables,
    sink: options.sink,
    ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
    ...(options.onError && { onError: options.onError }),
    ...(options.now && { now: options.now }),
  }
  if (choice.mode === 'logical' && 'url' in options.source) {
    const connector = await LogicalConnector.open({
      ...common,
      source: options.source,
      ...(options.statusIntervalMs !== undefined && { statusIntervalMs: options.statusIntervalMs }),
      ...(options.initialSnapshot !== undefined && { initialSnapshot: options.initialSnapshot }),
      ...(options.log && { log: options.log }),
    })
    return wrap(connector, 'logical', choice.reason)
  }
  const connector = await WatermarkConnector.open({
    ...common,
    source: options.source,
    ...(options.overlapSeconds !== undefined && { overlapSeconds: options.overlapSeconds }),
    ...(options.holdBackSeconds !== undefined && { holdBackSeconds: options.holdBackSeconds }),
  })
  return wrap(connector, 'watermark', choice.reason)
}

async function chooseMode(
  options: OpenCdcConnectorOptions,
): Promise<{ mode: CdcConnectorMode; reason: string }> {
  const prefer = options.prefer ?? 'auto'
  if (prefer === 'watermark')
    return { mode: 'watermark', reason: 'watermark polling was asked for' }
  if (!('url' in options.source)) {
    const reason =
      'the source is an open database handle; logical replication needs a connection string'
    if (prefer === 'logical') throw logicalErrors.notAllowed(reason)
    return { mode: 'watermark', reason }
  }
  const source = await openCdcSource(options.source)
  try {
    const support = await checkReplicationSupport(source.db)
    if (support.allowed) return { mode: 'logical', reason: support.reason }
    if (prefer === 'logical') throw logicalErrors.notAllowed(support.reason)
    return { mode: 'watermark', reason: support.reason }
  } finally {
    await source.close()
  }
}

function wrap(
  connector: {
    pollOnce(): Promise<Record<string, number>>
    start(): void
    stop(): Promise<void>
    progress(): CdcTableProgress[]
  },
  mode: CdcConnectorMode,
  reason: string,
): CdcConnector {
  return {
    mode,
    reason,
    pollOnce: () => connector.pollOnce(),
    start: () => connector.start(),
    stop: () => connector.stop(),
    progress: () => connector.progress().map((p) => ({ ...p, mode })),
  }
}
