import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileDurably } from '../../platform/durable-file.js'

/** What the monitor remembers between runs: the last checkpoint it verified. */
export interface MonitorState {
  readonly size: number
  readonly root: Buffer
  /** The verified checkpoint note, kept as evidence should a later one contradict it. */
  readonly checkpoint: string
}

const stateFileSchema = z.strictObject({
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  root: z.base64().refine((value) => Buffer.from(value, 'base64').length === 32, '32 bytes'),
  checkpoint: z.string(),
})

/** The saved state, or null when the file does not exist yet (a first run). */
export async function readMonitorState(file: string): Promise<MonitorState | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const parsed = stateFileSchema.parse(JSON.parse(text))
  return { ...parsed, root: Buffer.from(parsed.root, 'base64') }
}

/** Saves the state (atomically: a crash never makes the monitor forget a checkpoint). */
export async function writeMonitorState(file: string, state: MonitorState): Promise<void> {
  const body = JSON.stringify(
    { size: state.size, root: state.root.toString('base64'), checkpoint: state.checkpoint },
    null,
    2,
  )
  await writeFileDurably(file, `${body}\n`)
}
