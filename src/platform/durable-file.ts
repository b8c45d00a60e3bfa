import { open, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Replaces `file` atomically and durably: a temp file is written and fsynced, renamed over the
 * old one, and the folder fsynced. A crash leaves the old or the new content, never half of
 * one. Witnesses and monitors rely on it never to forget a checkpoint they vouched for; the
 * lake on it for its compaction journals. The temp name is the lake's `.name.tmp` convention.
 */
export async function writeFileDurably(file: string, body: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`)
  const handle = await open(temp, 'w', mode)
  try {
    await handle.writeFile(body)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
  const folder = await open(dirname(file), 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}
