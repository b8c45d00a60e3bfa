import type { Db } from '../../platform/db/index.js'
import type { Logger } from '../../platform/telemetry/index.js'
import { publishCheckpoint, type PublisherDeps } from '../publish/checkpoint-publisher.js'
import { sequenceBatch } from './sequencer.js'

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
 * when the tree grew, including growth while the server was down, right after start).
 */
export function startLogRuntime(deps: PublisherDeps & { db: Db; publishMs: number }) {
  const sequencer = loop('sequencer', deps.logger, 20, async () => {
    const batch = await sequenceBatch(deps.db)
    return batch !== null
  })
  const publisher = loop('publisher', deps.logger, deps.publishMs, async () => {
    await publishCheckpoint(deps)
    return false
  })
  return {
    async stop() {
      await Promise.all([sequencer.stop(), publisher.stop()])
    },
  }
}
