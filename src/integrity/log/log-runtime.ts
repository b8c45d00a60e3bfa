import type { Db } from '../../platform/db/index.js'
import type { Logger } from '../../platform/telemetry/index.js'
import {
  cosignLatest,
  publishCheckpoint,
  type PublisherDeps,
} from '../publish/checkpoint-publisher.js'
import { sequenceBatch } from './sequencer.js'

/** Publish periods without growth after which witnesses missing from the latest are asked again. */
const witnessRetryPeriods = 30

/** A loop that runs `step` again at once while it has work, else after `idleMs`. */
function loop(
  name: string,
  logger: Logger,
  idleMs: number,
  step: () => Promise<boolean>,
): { stop(): Promise<void> } {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const run = () => {
    timer = undefined
    running = (async () => {
      let busy = false
      try {
        busy = await step()
      } catch (error) {
        logger.error({ err: error }, `integrity ${name} failed; retrying in 1 s`)
        if (!stopped) timer = setTimeout(run, 1000)
        return
      }
      if (!stopped) timer = setTimeout(run, busy ? 0 : idleMs)
    })()
  }
  run()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

/**
 * The log's two loops in a running process: the sequencer (takes journalled changes every few
 * milliseconds, so a change is acknowledged quickly) and the publisher (signs a checkpoint
 * when the tree grew, including growth while the server was down, right after start; every
 * `witnessRetryPeriods` quiet periods it asks witnesses missing from the latest checkpoint again).
 */
export function startLogRuntime(deps: PublisherDeps & { db: Db; publishMs: number }) {
  const sequencer = loop('sequencer', deps.logger, 20, async () => {
    const batch = await sequenceBatch(deps.db)
    return batch !== null
  })
  let witnessesAskedAt = Date.now()
  const publisher = loop('publisher', deps.logger, deps.publishMs, async () => {
    const signed = await publishCheckpoint(deps)
    if (signed) witnessesAskedAt = Date.now()
    else if (Date.now() - witnessesAskedAt >= witnessRetryPeriods * deps.publishMs) {
      witnessesAskedAt = Date.now()
      await cosignLatest(deps)
    }
    return false
  })
  return {
    async stop() {
      await Promise.all([sequencer.stop(), publisher.stop()])
    },
  }
}
