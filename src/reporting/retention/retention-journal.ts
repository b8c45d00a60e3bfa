import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { RetentionAction } from './retention-audit.js'
import type { PlannedPartition } from './retention-plan.js'

/*
 * Retention's journal: before acting on a partition, an intent naming the action is written
 * to `<archiveRoot>/_retention/`; it is deleted only after the action is done and audited. A
 * run that finds intents left by a crash first finishes them (every step is idempotent) and
 * records their audit entries, so no archive or purge goes unaudited. An entry can be recorded
 * twice, when the process stops between the audit insert and the intent's deletion.
 */

const intentSchema = z.object({
  action: z.enum(['archive', 'purge']),
  partition: z.object({
    dataset: z.string(),
    dt: z.string(),
    tier: z.enum(['lake', 'archive']),
    rows: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
})

/** An action retention has started on one partition. */
export type RetentionIntent = z.infer<typeof intentSchema>

const journalDir = (archiveRoot: string) => join(archiveRoot, '_retention')
const intentName = (intent: RetentionIntent) =>
  `${intent.action}-${intent.partition.tier}-${intent.partition.dataset}-${intent.partition.dt}.json`

/** Writes an intent atomically before its action starts. */
export async function writeIntent(
  archiveRoot: string,
  action: RetentionAction,
  partition: PlannedPartition,
): Promise<RetentionIntent> {
  const intent: RetentionIntent = { action, partition: { ...partition } }
  const dir = journalDir(archiveRoot)
  await mkdir(dir, { recursive: true })
  const name = intentName(intent)
  const handle = await open(join(dir, `.${name}.tmp`), 'w')
  try {
    await handle.writeFile(JSON.stringify(intent))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(join(dir, `.${name}.tmp`), join(dir, name))
  return intent
}

/** Deletes an intent once its action is done and audited. */
export async function removeIntent(archiveRoot: string, intent: RetentionIntent): Promise<void> {
  await rm(join(journalDir(archiveRoot), intentName(intent)), { force: true })
}

/** The intents a stopped run left, oldest name first; temporary files are removed. */
export async function pendingIntents(archiveRoot: string): Promise<RetentionIntent[]> {
  const dir = journalDir(archiveRoot)
  const names = await readdir(dir).catch(() => [] as string[])
  const intents: RetentionIntent[] = []
  for (const name of names.sort()) {
    if (name.startsWith('.')) {
      await rm(join(dir, name), { force: true })
      continue
    }
    const parsed = intentSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')))
    if (parsed.success) intents.push(parsed.data)
  }
  return intents
}
